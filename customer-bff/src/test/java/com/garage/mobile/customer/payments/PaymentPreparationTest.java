package com.garage.mobile.customer.payments;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.CapturedLog;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.StripeStub;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StripeStub.class)
class PaymentPreparationTest {

    @Inject
    DataSource dataSource;

    PaymentWorld world;

    @BeforeEach
    void approvedPadsOfABrakeJob() {
        StripeStub.reset();
        world = new PaymentWorld(dataSource, "AWAITING_APPROVAL");
    }

    @Test
    void invoiceShowsApprovedWorkWithTaxAndTheDepositDue() {
        given().auth().oauth2(TOKENS.of(world.carl)).when().get("/api/v1/jobs/" + world.jobId + "/invoice")
                .then().statusCode(200)
                .body("currency", equalTo("GBP"))
                .body("lines.size()", equalTo(1))
                .body("lines[0].description", equalTo("Front brake pads"))
                .body("netMinor", equalTo(5400))
                .body("taxMinor", equalTo(1080))
                .body("grossMinor", equalTo(6480))
                .body("depositMinor", equalTo(1944))
                .body("dueNow", equalTo("DEPOSIT"))
                .body("dueNowMinor", equalTo(1944))
                .body("outstandingMinor", equalTo(6480));
    }

    @Test
    void payingTheDepositCreatesAHeldIntentWithTheServersAmountAndKey() {
        pay(steppedUp(), Map.of("purpose", "DEPOSIT"))
                .statusCode(200)
                .body("status", equalTo("AWAITING_METHOD"))
                .body("amountMinor", equalTo(1944))
                .body("currency", equalTo("GBP"))
                .body("clientSecret", startsWith("pi_hold_"));

        Map<String, Object> payment = world.onlyPayment();
        assertEquals("AWAITING_METHOD", payment.get("status"));
        assertEquals(1944L, payment.get("amount_minor"));
        assertEquals(true, payment.get("manual_capture"));
        List<LoggedRequest> created = StripeStub.intentsCreated();
        assertEquals(1, created.size());
        LoggedRequest request = created.get(0);
        assertEquals(payment.get("idempotency_key"), request.getHeader("Idempotency-Key"));
        assertEquals("Bearer " + StripeStub.SECRET_KEY, request.getHeader("Authorization"));
        String form = request.getBodyAsString();
        assertEquals(true, form.contains("amount=1944") && form.contains("currency=gbp")
                && form.contains("capture_method=manual"), form);
        assertEquals("pi_hold_" + payment.get("idempotency_key"), payment.get("provider_intent_id"));
        assertEquals(1L, world.rows.count("select count(*) from job_event where job_id = ? and type = ?",
                world.jobId, "job.payment-changed"));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where garage_id = ? and action = ?",
                world.garage.garageId, "payment.open"));
    }

    @Test
    void theClientSecretIsInTheAnswerOnlyNeverStoredLoggedOrInAUrl() {
        String secret;
        List<String> lines;
        try (CapturedLog log = CapturedLog.start()) {
            secret = pay(steppedUp(), Map.of("purpose", "DEPOSIT", "paymentMethod", "pm_card_threeDSecure2Required"))
                    .statusCode(200).extract().path("clientSecret");
            org.jboss.logging.Logger.getLogger(PaymentPreparationTest.class).info("log capture works");
            lines = log.lines();
        }

        assertTrue(secret.contains("_secret_"), secret);
        assertTrue(lines.stream().anyMatch(line -> line.contains("log capture works")), "nothing was captured");
        assertFalse(lines.stream().anyMatch(line -> line.contains(secret)), String.join("\n", lines));
        String like = "%" + secret + "%";
        assertEquals(0L, world.rows.count("select count(*) from payment p where p.job_id = ? and cast(row_to_json(p)"
                + " as text) like ?", world.jobId, like));
        assertEquals(0L, world.rows.count("select count(*) from audit_entry a where a.garage_id = ?"
                + " and cast(row_to_json(a) as text) like ?", world.garage.garageId, like));
        assertEquals(0L, world.rows.count("select count(*) from job_event e where e.job_id = ?"
                + " and cast(row_to_json(e) as text) like ?", world.jobId, like));
        assertEquals(0L, world.rows.count("select count(*) from outbound_work w where cast(row_to_json(w) as text)"
                + " like ?", like));
        StripeStub.posts("/v1/payment_intents.*").forEach(request -> assertFalse(request.getUrl().contains(secret)));
    }

    @Test
    void anAmountFromTheAppIsRefusedAndNothingIsOpened() {
        pay(steppedUp(), Map.of("purpose", "DEPOSIT", "amountMinor", 1))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("amountMinor"));
        assertEquals(0L, world.payments());
        assertEquals(0, StripeStub.intentsCreated().size());
    }

    @Test
    void payingNeedsARecentStrongSignIn() {
        pay(TOKENS.of(world.carl), Map.of("purpose", "DEPOSIT"))
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:step-up-required"));
        assertEquals(0L, world.payments());
    }

    @Test
    void nothingDueIsExplainedAndOpensNothing() {
        pay(steppedUp(), Map.of("purpose", "BALANCE"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:nothing-due"))
                .body("detail", containsString("ready for pickup"));
        world.garage.sql("update garage_payment_settings set deposit_rule = 'NONE' where garage_id = ?",
                world.garage.garageId);
        pay(steppedUp(), Map.of("purpose", "DEPOSIT"))
                .statusCode(409)
                .body("type", equalTo("urn:garage:problem:nothing-due"));
        pay(steppedUp(), Map.of("purpose", "TIP")).statusCode(400).body("errors[0].field", equalTo("purpose"));
        assertEquals(0L, world.payments());
        assertEquals(0, StripeStub.intentsCreated().size());
    }

    @Test
    void theBalanceIsDueOnceTheCarIsReadyAndIsWhatIsLeft() {
        world.garage.sql("update job_card set status = 'READY_FOR_PICKUP' where id = ?", world.jobId);
        pay(steppedUp(), Map.of("purpose", "BALANCE"))
                .statusCode(200)
                .body("amountMinor", equalTo(6480))
                .body("clientSecret", startsWith("pi_pay_"));
        assertEquals(false, world.onlyPayment().get("manual_capture"));
    }

    @Test
    void twoConcurrentPaysOfOneInvoiceCreateOneIntent() throws Exception {
        String token = steppedUp();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> pays = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pays.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("purpose", "DEPOSIT")).post(path()));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(pays)) {
                answers.add(answer.get());
            }
            answers.forEach(answer -> assertEquals(200, answer.statusCode(), answer.asString()));
            Set<String> ids = answers.stream().map(answer -> answer.jsonPath().getString("id"))
                    .collect(Collectors.toSet());
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, world.payments());
        assertEquals(1, StripeStub.intentsCreated().size());
    }

    @Test
    void aRetryAfterStripeFailedReplaysTheSameIdempotencyKey() {
        StripeStub.stub(post(urlPathEqualTo("/v1/payment_intents")).atPriority(1)
                .inScenario("outage").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("over")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\"}}")));
        pay(steppedUp(), Map.of("purpose", "DEPOSIT")).statusCode(200);

        List<LoggedRequest> created = StripeStub.intentsCreated();
        assertEquals(2, created.size());
        assertEquals(created.get(0).getHeader("Idempotency-Key"), created.get(1).getHeader("Idempotency-Key"));
        assertEquals(world.onlyPayment().get("idempotency_key"), created.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void stripeDownAnswers503AndKeepsTheKeyForTheNextTry() {
        StripeStub.stub(post(urlPathEqualTo("/v1/payment_intents")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        pay(steppedUp(), Map.of("purpose", "DEPOSIT"))
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:payment-provider-unavailable"));
        Map<String, Object> payment = world.onlyPayment();
        assertEquals("CREATED", payment.get("status"));
        assertEquals(null, payment.get("provider_intent_id"));

        StripeStub.reset();
        pay(steppedUp(), Map.of("purpose", "DEPOSIT")).statusCode(200);
        assertEquals(payment.get("idempotency_key"), StripeStub.intentsCreated().get(0).getHeader("Idempotency-Key"));
        assertEquals(1L, world.payments());
    }

    @Test
    void aDeclinedCardIsExplainedAndKeptOnThePayment() {
        pay(steppedUp(), Map.of("purpose", "DEPOSIT", "paymentMethod", "pm_card_chargeDeclined"))
                .statusCode(402)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:payment-declined"))
                .body("detail", equalTo("Your card was declined."));
        Map<String, Object> payment = world.onlyPayment();
        assertEquals("FAILED", payment.get("status"));
        assertEquals("Your card was declined.", payment.get("last_error"));

        pay(steppedUp(), Map.of("purpose", "DEPOSIT", "paymentMethod", "pm_card_visa"))
                .statusCode(200)
                .body("status", equalTo("HELD"))
                .body("reason", nullValue());
        assertEquals(1L, world.payments());
        assertNotNull(world.onlyPayment().get("capture_before"));
    }

    @Test
    void threeDSecureAsksTheAppToAct() {
        pay(steppedUp(), Map.of("purpose", "DEPOSIT", "paymentMethod", "pm_card_threeDSecure2Required"))
                .statusCode(200)
                .body("status", equalTo("ACTION_REQUIRED"))
                .body("clientSecret", startsWith("pi_hold_"));
        assertEquals("ACTION_REQUIRED", world.onlyPayment().get("status"));
    }

    @Test
    void anotherCustomersJobIsNotFound() {
        Person cora = world.garage.customer("Cora", "Li");
        given().auth().oauth2(TOKENS.of(cora)).when().get("/api/v1/jobs/" + world.jobId + "/invoice")
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.builder(cora).steppedUp().sign()).contentType(ContentType.JSON)
                .body(Map.of("purpose", "DEPOSIT")).post(path())
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(0L, world.payments());
    }

    @Test
    void receiptsListTheCustomersOwnPayments() {
        pay(steppedUp(), Map.of("purpose", "DEPOSIT", "paymentMethod", "pm_card_visa")).statusCode(200);
        given().auth().oauth2(TOKENS.of(world.carl)).when().get("/api/v1/payments")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].status", equalTo("HELD"))
                .body("items[0].amountMinor", equalTo(1944))
                .body("items[0].clientSecret", nullValue());
        Person cora = world.garage.customer("Cora", "Li");
        given().auth().oauth2(TOKENS.of(cora)).when().get("/api/v1/payments")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    private String steppedUp() {
        return TOKENS.builder(world.carl).steppedUp().sign();
    }

    private ValidatableResponse pay(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path()).then();
    }

    private String path() {
        return "/api/v1/jobs/" + world.jobId + "/payments";
    }
}
