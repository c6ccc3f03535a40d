package com.garage.mobile.customer.payments;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.payment.PaymentReconciliation;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.StripeStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StripeStub.class)
class PaymentReconciliationTest {

    @Inject
    DataSource dataSource;

    @Inject
    PaymentReconciliation reconciliation;

    MovableClock clock;
    PaymentWorld world;

    @BeforeEach
    void movableClock() {
        StripeStub.reset();
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        world = new PaymentWorld(dataSource, "AWAITING_APPROVAL");
    }

    @Test
    void aHoldIsFlaggedToTheAdvisorOnceBeforeItLapses() throws Throwable {
        pay("pm_card_visa");
        Instant deadline = ((Timestamp) world.onlyPayment().get("capture_before")).toInstant();
        assertEquals(Duration.ofDays(7).toHours(), Duration.between(clock.now(), deadline).toHours() + 1);

        clock.moveTo(deadline.minus(Duration.ofHours(25)));
        pass();
        assertNull(world.onlyPayment().get("hold_flagged_at"));

        clock.moveTo(deadline.minus(Duration.ofHours(23)));
        pass();
        pass();
        assertNotNull(world.onlyPayment().get("hold_flagged_at"));
        Map<String, Object> event = world.rows.one("select customer_visible, payload->>'lapsed' as lapsed"
                + " from job_event where job_id = ? and type = ?", world.jobId, "job.payment-hold-expiring");
        assertEquals(false, event.get("customer_visible"));
        assertEquals("false", event.get("lapsed"));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'FLAGGED' and channel = 'scheduler'", world.garage.garageId,
                "payment.hold-expiring"));
    }

    @Test
    void aHoldAlreadyPastItsDeadlineIsFlaggedAsLapsedOnce() throws Throwable {
        pay("pm_card_visa");
        Instant deadline = ((Timestamp) world.onlyPayment().get("capture_before")).toInstant();

        clock.moveTo(deadline.plus(Duration.ofHours(2)));
        pass();
        pass();

        assertNotNull(world.onlyPayment().get("hold_flagged_at"));
        assertEquals("true", world.rows.one("select payload->>'lapsed' as lapsed from job_event where job_id = ?"
                + " and type = ?", world.jobId, "job.payment-hold-expiring").get("lapsed"));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'FLAGGED'", world.garage.garageId, "payment.hold-expiring"));
    }

    @Test
    void anIntentStuckWaitingForTheBankIsAskedAboutAndSettled() throws Throwable {
        pay("pm_card_threeDSecure2Required");
        String intent = (String) world.onlyPayment().get("provider_intent_id");
        StripeStub.stub(get(urlPathEqualTo("/v1/payment_intents/" + intent)).atPriority(1).willReturn(okJson(
                "{\"id\": \"" + intent + "\", \"object\": \"payment_intent\", \"status\": \"requires_capture\","
                        + " \"metadata\": {}}")));

        pass();
        assertEquals("ACTION_REQUIRED", world.onlyPayment().get("status"));

        clock.moveTo(clock.now().plus(Duration.ofMinutes(16)));
        pass();
        assertEquals("HELD", world.onlyPayment().get("status"));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and channel = 'scheduler'", world.garage.garageId, "payment.status"));
    }

    @Test
    void aHoldWhoseWorkStartedWithoutItsEventIsCaptured() throws Throwable {
        pay("pm_card_visa");
        world.garage.sql("update job_card set status = 'IN_PROGRESS' where id = ?", world.jobId);
        pass();
        pass();
        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCEEDED".equals(world.onlyPayment().get("status")));
        assertEquals(1, StripeStub.posts("/v1/payment_intents/[^/]+/capture").size());
    }

    private void pay(String paymentMethod) {
        given().auth().oauth2(TOKENS.builder(world.carl).steppedUp().sign()).contentType(ContentType.JSON)
                .body(Map.of("purpose", "DEPOSIT", "paymentMethod", paymentMethod))
                .post("/api/v1/jobs/" + world.jobId + "/payments").then().statusCode(200);
    }

    private void pass() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> reconciliation.pass());
    }
}
