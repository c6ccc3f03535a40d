package com.garage.mobile.customer.payments;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.platform.events.JobEventStream;
import com.garage.mobile.testing.StripeStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StripeStub.class)
class PaymentWebhookTest {

    private static final String WEBHOOK = "/webhooks/payments/stripe";

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobEventStream events;

    PaymentWorld world;
    UUID paymentId;
    String intentId;
    List<JobEventMessage> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void depositAwaitingTheCard() {
        StripeStub.reset();
        world = new PaymentWorld(dataSource, "AWAITING_APPROVAL");
        given().auth().oauth2(TOKENS.builder(world.carl).steppedUp().sign()).contentType(ContentType.JSON)
                .body(Map.of("purpose", "DEPOSIT")).post("/api/v1/jobs/" + world.jobId + "/payments")
                .then().statusCode(200);
        Map<String, Object> payment = world.onlyPayment();
        paymentId = (UUID) payment.get("id");
        intentId = (String) payment.get("provider_intent_id");
        events.arrivals().subscribe().with(published::add);
    }

    @Test
    void aSignedEventIsAnsweredAtOnceAndAppliedFromTheOutbox() {
        String event = event("evt_held_" + paymentId, "payment_intent.amount_capturable_updated", "requires_capture",
                Instant.now());
        deliver(event, StripeStub.signature(StripeStub.WEBHOOK_SECRET, Instant.now(), event))
                .statusCode(200).body("received", equalTo(true)).body("duplicate", equalTo(false));

        await().atMost(Duration.ofSeconds(15)).until(() -> "HELD".equals(status()));
        assertEquals(2L, world.rows.count("select count(*) from job_event where job_id = ? and type = ?"
                + " and customer_visible", world.jobId, "job.payment-changed"));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and channel = 'webhook'", world.garage.garageId, "payment.webhook"));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and resource_id = ? and channel = 'webhook'", world.garage.garageId, "payment.status",
                paymentId.toString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> published.stream().anyMatch(e -> e.jobId()
                .equals(world.jobId) && "HELD".equals(e.payload().get("status"))));
    }

    @Test
    void aReplayedEventChangesNothing() {
        String event = event("evt_replayed_" + paymentId, "payment_intent.amount_capturable_updated",
                "requires_capture", Instant.now());
        deliver(event, StripeStub.signature(StripeStub.WEBHOOK_SECRET, Instant.now(), event)).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "HELD".equals(status()));
        long events = paymentEvents();

        deliver(event, StripeStub.signature(StripeStub.WEBHOOK_SECRET, Instant.now(), event))
                .statusCode(200).body("duplicate", equalTo(true));
        assertEquals(1L, world.rows.count("select count(*) from payment_provider_event where event_id = ?",
                "evt_replayed_" + paymentId));
        assertEquals(1L, world.rows.count("select count(*) from outbound_work where dedupe_key = ?",
                "stripe:evt_replayed_" + paymentId));
        assertEquals(events, paymentEvents());
    }

    @Test
    void aBadOrOldSignatureIsRefusedAndChangesNothing() {
        String event = event("evt_forged_" + paymentId, "payment_intent.succeeded", "succeeded", Instant.now());
        List<String> refused = List.of(
                StripeStub.signature("whsec_someone_else", Instant.now(), event),
                StripeStub.signature(StripeStub.WEBHOOK_SECRET, Instant.now().minusSeconds(301), event),
                StripeStub.signature(StripeStub.WEBHOOK_SECRET, Instant.now(), event.replace("succeeded", "canceled")),
                "t=" + Instant.now().getEpochSecond(),
                "");
        for (String signature : refused) {
            deliver(event, signature).statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:webhook-signature-invalid"));
        }
        given().contentType(ContentType.JSON).body(event).post(WEBHOOK).then().statusCode(400)
                .body("type", equalTo("urn:garage:problem:webhook-signature-invalid"));
        assertEquals(0L, world.rows.count("select count(*) from payment_provider_event where event_id = ?",
                "evt_forged_" + paymentId));
        assertEquals("AWAITING_METHOD", status());
    }

    @Test
    void thePreviousSecretIsAcceptedDuringARotation() {
        String event = event("evt_rotated_" + paymentId, "payment_intent.processing", "processing", Instant.now());
        deliver(event, StripeStub.signature(StripeStub.PREVIOUS_WEBHOOK_SECRET, Instant.now(), event))
                .statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "PROCESSING".equals(status()));
    }

    @Test
    void eventsOutOfOrderEndAtTheLatestWord() {
        Instant now = Instant.now();
        String succeeded = event("evt_late_ok_" + paymentId, "payment_intent.succeeded", "succeeded", now);
        String processing = event("evt_early_" + paymentId, "payment_intent.processing", "processing",
                now.minusSeconds(5));
        deliver(succeeded, StripeStub.signature(StripeStub.WEBHOOK_SECRET, now, succeeded)).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCEEDED".equals(status()));
        deliver(processing, StripeStub.signature(StripeStub.WEBHOOK_SECRET, now, processing)).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> world.rows.count("select count(*) from outbound_work"
                + " where dedupe_key = ? and status = 'DELIVERED'", "stripe:evt_early_" + paymentId) == 1);
        assertEquals("SUCCEEDED", status());
    }

    @Test
    void aHeldDepositIsCapturedWhenWorkStarts() throws Throwable {
        String event = event("evt_hold_" + paymentId, "payment_intent.amount_capturable_updated", "requires_capture",
                Instant.now());
        deliver(event, StripeStub.signature(StripeStub.WEBHOOK_SECRET, Instant.now(), event)).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "HELD".equals(status()));

        VertxContextSupport.subscribeAndAwait(() -> statuses.changeStatus(world.advisor.actor(), world.jobId,
                JobStatus.IN_PROGRESS, 0));

        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCEEDED".equals(status()));
        var captures = StripeStub.posts("/v1/payment_intents/" + intentId + "/capture");
        assertEquals(1, captures.size());
        assertEquals(world.onlyPayment().get("idempotency_key") + "-capture",
                captures.get(0).getHeader("Idempotency-Key"));
        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/jobs/" + world.jobId + "/invoice")
                .then().statusCode(200).body("paidMinor", equalTo(1944)).body("heldMinor", equalTo(0));
    }

    private String event(String id, String type, String status, Instant created) {
        JsonObject intent = new JsonObject().put("id", intentId).put("object", "payment_intent").put("status", status)
                .put("amount", 1944).put("currency", "gbp")
                .put("metadata", new JsonObject().put("payment_id", paymentId.toString()));
        return new JsonObject().put("id", id).put("object", "event").put("type", type)
                .put("created", created.getEpochSecond())
                .put("data", new JsonObject().put("object", intent)).encode();
    }

    private static ValidatableResponse deliver(String body, String signature) {
        return given().header("Stripe-Signature", signature).contentType(ContentType.JSON).body(body)
                .when().post(WEBHOOK).then();
    }

    private String status() {
        return (String) world.onlyPayment().get("status");
    }

    private long paymentEvents() {
        return world.rows.count("select count(*) from job_event where job_id = ? and type = ?", world.jobId,
                "job.payment-changed");
    }
}
