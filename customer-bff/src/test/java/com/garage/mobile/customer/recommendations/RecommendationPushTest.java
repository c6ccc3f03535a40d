package com.garage.mobile.customer.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.recommendation.RecommendationPush;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * New recommendations reach the phone in the category of their kind, with consent, safety first,
 * and at most the weekly cap per customer; without consent nothing is written.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RecommendationPushTest {

    @Inject
    DataSource dataSource;

    @Inject
    RecommendationPush push;

    Rows rows;
    GarageFixture garage;
    Person carl;
    Person cora;

    @BeforeEach
    void carlConsentsToServiceRemindersAndSafetyCoraToNothing() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        for (Person person : List.of(carl, cora)) {
            garage.sql("insert into push_device (id, garage_id, customer_id, platform, token, app_version, os_version,"
                    + " locale, time_zone) values (?, ?, ?, 'ANDROID', ?, '3.2.0', '14', 'en-GB', 'Europe/London')",
                    UUID.randomUUID(), garage.garageId, person.id(), "token-" + UUID.randomUUID());
        }
        for (String category : List.of("SERVICE_REMINDERS", "SAFETY")) {
            garage.sql("insert into notification_consent (garage_id, customer_id, category, granted, source_app,"
                    + " source_screen, policy_version) values (?, ?, ?, true, 'customer-app', 'settings', '2025-06')",
                    garage.garageId, carl.id(), category);
        }
    }

    @Test
    void safetyFirstThenUpToTheWeeklyCapOnlyWithConsent() {
        UUID golf = garage.vehicle(carl);
        UUID oil = recommendation(carl, golf, "SERVICE_DUE", "service:oil@never", "Oil and filter change is due");
        UUID pads = recommendation(carl, golf, "DECLINED_FOLLOW_UP", "declined:" + UUID.randomUUID(), "Brake pads");
        recommendation(carl, golf, "SAFETY_RECALL", "recall:R-1", "Airbag inflator");
        UUID corasOil = recommendation(cora, garage.vehicle(cora), "SERVICE_DUE", "service:oil@never", "Oil change");

        assertEquals(2, pushOnce(), "the weekly cap is 2");
        assertEquals(List.of("SAFETY"), categories("recall:" + golf + ":R-1"), "under the recall notice's own key");
        assertEquals(List.of("SERVICE_REMINDERS"), categories("recommendation:" + oil), "then the oldest");
        assertEquals(List.of(), categories("recommendation:" + pads), "over the cap: it waits");
        assertEquals(List.of(), categories("recommendation:" + corasOil), "no consent: nothing written");
        assertEquals(0, pushOnce(), "the cap holds on the next pass");
        assertEquals(2L, rows.count("select count(*) from recommendation_outcome o join recommendation r"
                + " on r.id = o.recommendation_id where r.customer_id = ? and o.outcome = 'PUSHED'", carl.id()));
        assertEquals(2L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?",
                garage.garageId, RecommendationPush.ACTION));
        assertTrue(rows.one("select payload->>'title' as title from outbound_work where payload->>'notificationKey' = ?",
                "recall:" + golf + ":R-1").get("title").toString().contains("Safety recall"));
    }

    List<Object> categories(String notificationKey) {
        return rows.query("select payload->>'category' as category from outbound_work where kind = 'notification'"
                + " and payload->>'notificationKey' = ?", notificationKey).stream()
                .map(r -> r.get("category")).toList();
    }

    UUID recommendation(Person owner, UUID vehicle, String kind, String subject, String title) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into recommendation (id, garage_id, vehicle_id, customer_id, kind, subject, title, reasons,"
                + " evidence, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, '[]', '{}', 'OPEN',"
                + " now() - interval '1 minute' + (select count(*) from recommendation where garage_id = ?)"
                + " * interval '1 second', now())", id, garage.garageId, vehicle, owner.id(), kind, subject, title,
                garage.garageId);
        return id;
    }

    int pushOnce() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> push.pushOnce());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
