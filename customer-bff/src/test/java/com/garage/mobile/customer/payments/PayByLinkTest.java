package com.garage.mobile.customer.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.payment.PaymentPurpose;
import com.garage.mobile.platform.payment.IssuedLink;
import com.garage.mobile.platform.payment.PaymentLinks;
import com.garage.mobile.testing.StripeStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StripeStub.class)
class PayByLinkTest {

    @Inject
    DataSource dataSource;

    @Inject
    PaymentLinks links;

    PaymentWorld world;
    String token;

    @BeforeEach
    void linkForTheBalance() throws Throwable {
        StripeStub.reset();
        world = new PaymentWorld(dataSource, "READY_FOR_PICKUP");
        IssuedLink link = VertxContextSupport.subscribeAndAwait(() -> links.issue(world.advisor.actor(), world.jobId,
                PaymentPurpose.BALANCE));
        token = link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    @Test
    void theLinkOpensTheHostedPageForExactlyItsAmountOnce() {
        given().redirects().follow(false).when().get("/pay/" + token)
                .then().statusCode(303).header("Location", startsWith(StripeStub.baseUrl() + "/checkout/cs_test_"));

        Map<String, Object> payment = world.onlyPayment();
        assertEquals("LINK", payment.get("channel"));
        assertEquals(6480L, payment.get("amount_minor"));
        var sessions = StripeStub.posts("/v1/checkout/sessions");
        assertEquals(1, sessions.size());
        String form = sessions.get(0).getBodyAsString();
        assertTrue(form.contains("unit_amount%5D=6480") || form.contains("unit_amount]=6480"), form);
        Map<String, Object> link = world.rows.one("select used_at, payment_id from payment_link where job_id = ?",
                world.jobId);
        assertNotNull(link.get("used_at"));
        assertEquals(payment.get("id"), link.get("payment_id"));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'payment-link.open' and outcome = 'SUCCESS' and resource_id = ?", world.garage.garageId,
                payment.get("id").toString()));

        given().redirects().follow(false).when().get("/pay/" + token)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:payment-link-invalid"));
        assertEquals(1, StripeStub.posts("/v1/checkout/sessions").size());
    }

    @Test
    void anExpiredOrUnknownLinkIsRefusedAndChangesNothing() {
        world.garage.sql("update payment_link set expires_at = now() - interval '1 minute' where job_id = ?",
                world.jobId);
        given().redirects().follow(false).get("/pay/" + token).then().statusCode(410)
                .body("type", equalTo("urn:garage:problem:payment-link-invalid"));
        given().redirects().follow(false).get("/pay/" + "A".repeat(43)).then().statusCode(410);
        given().redirects().follow(false).get("/pay/short").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0L, world.payments());
        assertEquals(0, StripeStub.posts("/v1/checkout/sessions").size());
    }

    @Test
    void aLinkWhoseAmountNoLongerMatchesIsRefused() {
        world.garage.sql("update estimate_line set approval_status = 'APPROVED', decided_at = now() where id = ?",
                world.discs);
        given().redirects().follow(false).get("/pay/" + token).then().statusCode(410)
                .body("detail", equalTo("What is due changed since this link was sent; ask the garage for a new one."));
        assertEquals(0L, world.payments());
        assertEquals(null, world.rows.one("select used_at from payment_link where job_id = ?", world.jobId)
                .get("used_at"));
        assertEquals(0, StripeStub.posts("/v1/checkout/sessions").size());
    }

    @Test
    void theCompletedCheckoutPaysThePayment() {
        given().redirects().follow(false).get("/pay/" + token).then().statusCode(303);
        UUID paymentId = (UUID) world.onlyPayment().get("id");
        String intent = "pi_link_" + paymentId.toString().replace("-", "");
        StripeStub.stub(get(urlPathEqualTo("/v1/payment_intents/" + intent)).atPriority(1).willReturn(okJson(
                "{\"id\": \"" + intent + "\", \"object\": \"payment_intent\", \"status\": \"succeeded\", \"amount\": 6480,"
                        + " \"currency\": \"gbp\", \"metadata\": {\"payment_id\": \"" + paymentId + "\"}}")));
        String event = new JsonObject().put("id", "evt_checkout_" + paymentId).put("object", "event")
                .put("type", "checkout.session.completed").put("created", Instant.now().getEpochSecond())
                .put("data", new JsonObject().put("object", new JsonObject().put("id", "cs_test_1")
                        .put("object", "checkout.session").put("payment_intent", intent)
                        .put("payment_status", "paid")
                        .put("metadata", new JsonObject().put("payment_id", paymentId.toString())))).encode();
        given().header("Stripe-Signature", StripeStub.signature(StripeStub.WEBHOOK_SECRET, Instant.now(), event))
                .contentType(ContentType.JSON).body(event).post("/webhooks/payments/stripe").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCEEDED".equals(world.onlyPayment().get("status")));
        assertEquals(intent, world.onlyPayment().get("provider_intent_id"));
    }
}
