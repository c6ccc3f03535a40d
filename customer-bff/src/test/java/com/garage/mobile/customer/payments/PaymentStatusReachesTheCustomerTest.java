package com.garage.mobile.customer.payments;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.StripeStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment's status on the customer's live channel (theirs only) and as a push under PAYMENTS for
 * a customer who consented to it; each step of paying in the app audited.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StripeStub.class)
class PaymentStatusReachesTheCustomerTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    PaymentWorld world;
    final List<LiveClient> clients = new ArrayList<>();

    @BeforeEach
    void depositDue() {
        StripeStub.reset();
        world = new PaymentWorld(dataSource, "AWAITING_APPROVAL");
    }

    @AfterEach
    void disconnect() {
        clients.forEach(LiveClient::close);
    }

    @Test
    void theHeldDepositIsLiveOnTheCustomersChannelAndPushedUnderPayments() {
        consent(world.carl, "PAYMENTS", true);
        UUID carlsPhone = phone(world.carl);
        Person cora = world.garage.customer("Cora", "Li");
        LiveClient carlsApp = connect(world.carl);
        LiveClient corasApp = connect(cora);

        payDepositWithACard();

        JsonObject held = carlsApp.await(m -> "job.payment-changed".equals(m.getString("event"))
                && "HELD".equals(m.getJsonObject("data").getString("status")));
        assertEquals(world.jobId.toString(), held.getString("jobId"));
        assertEquals(world.onlyPayment().get("id").toString(), held.getJsonObject("data").getString("paymentId"));
        assertEquals("DEPOSIT", held.getJsonObject("data").getString("purpose"));
        assertEquals(1944, held.getJsonObject("data").getInteger("amountMinor"));
        assertEquals("CREATED", held.getJsonObject("data").getString("previousStatus"));
        assertFalse(held.encode().contains("pi_"), "no provider ids: " + held.encode());
        await().atMost(Duration.ofSeconds(30)).until(() -> pushes(carlsPhone, "PAYMENTS") == 1);
        assertTrue(corasApp.events().stream().noneMatch(e -> world.jobId.toString().equals(e.getString("jobId"))),
                "another customer's channel never carries the payment");
    }

    @Test
    void withoutPaymentsConsentNothingIsPushedButTheAppStillSeesItLive() {
        consent(world.carl, "JOB_STATUS", true);
        consent(world.carl, "PAYMENTS", false);
        UUID carlsPhone = phone(world.carl);
        LiveClient carlsApp = connect(world.carl);

        payDepositWithACard();

        carlsApp.await(m -> "job.payment-changed".equals(m.getString("event"))
                && "HELD".equals(m.getJsonObject("data").getString("status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> world.rows.count("select count(*) from"
                + " notification_pending_event p join job_event e on e.id = p.job_event_id where e.job_id = ?"
                + " and p.decided_at is null", world.jobId) == 0);
        assertEquals(0L, pushes(carlsPhone, null));
    }

    @Test
    void everyStepOfPayingInTheAppIsAudited() throws Throwable {
        given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("purpose", "DEPOSIT")).post(path())
                .then().statusCode(401);
        payDepositWithACard();
        VertxContextSupport.subscribeAndAwait(() -> statuses.changeStatus(world.advisor.actor(), world.jobId,
                JobStatus.IN_PROGRESS, 0));
        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCEEDED".equals(world.onlyPayment().get("status")));

        assertEquals(List.of("payment.open REFUSED app 401", "payment.open SUCCESS app null",
                        "payment.status SUCCESS app HELD", "payment.status SUCCESS scheduler SUCCEEDED"),
                world.rows.query("select action, outcome, channel, detail->>'status' as status from audit_entry"
                                + " where garage_id = ? and action like 'payment.%' order by id", world.garage.garageId)
                        .stream().map(a -> a.get("action") + " " + a.get("outcome") + " " + a.get("channel") + " "
                                + a.get("status")).toList());
    }

    private void payDepositWithACard() {
        given().auth().oauth2(TOKENS.builder(world.carl).steppedUp().sign()).contentType(ContentType.JSON)
                .body(Map.of("purpose", "DEPOSIT", "paymentMethod", "pm_card_visa")).post(path())
                .then().statusCode(200);
    }

    private String path() {
        return "/api/v1/jobs/" + world.jobId + "/payments";
    }

    private LiveClient connect(Person person) {
        LiveClient client = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(person), null);
        clients.add(client);
        client.await("caught-up");
        return client;
    }

    private void consent(Person person, String category, boolean granted) {
        world.garage.sql("insert into notification_consent (garage_id, customer_id, category, granted, source_app,"
                + " source_screen, policy_version) values (?, ?, ?, ?, 'customer-app', 'settings/notifications',"
                + " '2025-06')", person.garageId(), person.id(), category, granted);
    }

    private UUID phone(Person person) {
        UUID id = UUID.randomUUID();
        world.garage.sql("insert into push_device (id, garage_id, customer_id, platform, token, app_version,"
                + " os_version, locale, time_zone) values (?, ?, ?, 'ANDROID', ?, '3.2.0', '17.4', 'en-GB',"
                + " 'Europe/London')", id, person.garageId(), person.id(), "fcm-" + UUID.randomUUID());
        return id;
    }

    private long pushes(UUID device, String category) {
        return category == null
                ? world.rows.count("select count(*) from notification_outbox where device_id = ?", device)
                : world.rows.count("select count(*) from notification_outbox where device_id = ? and category = ?",
                        device, category);
    }
}
