package com.garage.mobile.technician.analytics;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.garage.mobile.domain.analytics.AnalyticsEvent;
import com.garage.mobile.domain.analytics.AnalyticsSink;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FunnelReportTest {

    /** A Monday, so every journey below starts in one week. */
    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsSink sink;

    GarageFixture garage;
    Person admin;
    final List<AnalyticsEvent> events = new ArrayList<>();

    @BeforeEach
    void garage() {
        garage = GarageFixture.create(dataSource);
        admin = garage.admin("Ada Admin");
    }

    @Test
    void theApprovalFunnelShowsConversionAndMedianTimePerVersion() {
        // four journeys published; three viewed (after 60, 120, 180 s), two approved, one paid
        journey("2.3.1", 60, 600, 3600);
        journey("2.3.1", 120, 300, null);
        journey("2.3.1", 180, null, null);
        journey(null, null, null, null);
        // another garage's journey stays out of this garage's funnel
        GarageFixture other = GarageFixture.create(dataSource);
        event(other.garageId, UUID.randomUUID(), "estimate.published", MONDAY, null);
        // viewed before it was published does not count as a step reached in order
        UUID early = UUID.randomUUID();
        event(garage.garageId, early, "estimate.viewed", MONDAY, "2.4.0");
        event(garage.garageId, early, "estimate.published", MONDAY.plusSeconds(10), null);
        sink.store(events).await().indefinitely();

        given().auth().oauth2(TOKENS.of(admin)).queryParam("from", "2026-11-23").queryParam("to", "2026-11-30")
                .queryParam("name", "estimate-approval")
                .when().get("/api/v1/admin/analytics/funnels").then().statusCode(200)
                .body("steps", contains("estimate.published", "estimate.viewed", "estimate.approved", "payment.succeeded"))
                .body("rows", hasSize(12))
                .body("rows[0].week", equalTo("2026-11-23"))
                .body("rows[0].appVersion", equalTo("2.3.1"))
                .body("rows.findAll { it.appVersion == '2.3.1' }.journeys", contains(3, 3, 2, 1))
                .body("rows.findAll { it.appVersion == '2.3.1' }.medianSecondsFromPrevious",
                        contains(nullValue(), equalTo(120.0f), equalTo(450.0f), equalTo(3600.0f)))
                .body("rows.findAll { it.appVersion == '2.3.1' }[2].conversion", equalTo(0.6666667f))
                .body("rows.findAll { it.appVersion == 'unknown' }.journeys", contains(1, 0, 0, 0))
                .body("rows.findAll { it.appVersion == '2.4.0' }.journeys", contains(1, 0, 0, 0));
    }

    @Test
    void anUnknownFunnelOrABadPeriodIsRefused() {
        given().auth().oauth2(TOKENS.of(admin)).queryParam("name", "checkout").when().get("/api/v1/admin/analytics/funnels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().auth().oauth2(TOKENS.of(admin)).queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .queryParam("name", "push").when().get("/api/v1/admin/analytics/funnels")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TOKENS.of(admin)).queryParam("from", "last week")
                .queryParam("name", "push").when().get("/api/v1/admin/analytics/funnels")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void onlyAdminsReadFunnelsAndSchemas() {
        Person advisor = garage.advisor("Alice Morgan");
        given().auth().oauth2(TOKENS.of(advisor)).queryParam("name", "push").when().get("/api/v1/admin/analytics/funnels")
                .then().statusCode(403);
        given().auth().oauth2(TOKENS.of(admin)).when().get("/api/v1/admin/analytics/schemas").then().statusCode(200)
                .body("find { it.name == 'screen.viewed' }.properties.screen.type", equalTo("token"))
                .body("find { it.name == 'estimate.approved' }.source", equalTo("server"));
    }

    private void journey(String version, Integer viewedAfter, Integer approvedAfter, Integer paidAfter) {
        UUID job = UUID.randomUUID();
        Instant at = MONDAY.plus(Duration.ofHours(events.size()));
        event(garage.garageId, job, "estimate.published", at, null);
        if (viewedAfter != null) {
            at = at.plusSeconds(viewedAfter);
            event(garage.garageId, job, "estimate.viewed", at, version);
        }
        if (approvedAfter != null) {
            at = at.plusSeconds(approvedAfter);
            event(garage.garageId, job, "estimate.approved", at, null);
        }
        if (paidAfter != null) {
            event(garage.garageId, job, "payment.succeeded", at.plusSeconds(paidAfter), null);
        }
    }

    private void event(UUID garageId, UUID job, String name, Instant at, String version) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        events.add(new AnalyticsEvent(UUID.randomUUID(), now, at, name, version != null ? "app" : "server", garageId,
                "user", version != null ? "customer" : null, version != null ? "ios" : null, version, null, false,
                job, Map.of("jobId", job.toString())));
    }
}
