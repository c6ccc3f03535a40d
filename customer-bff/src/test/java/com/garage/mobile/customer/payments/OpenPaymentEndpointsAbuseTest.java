package com.garage.mobile.customer.payments;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.payment.PaymentPurpose;
import com.garage.mobile.platform.payment.IssuedLink;
import com.garage.mobile.platform.payment.PaymentLinks;
import com.garage.mobile.testing.StripeStub;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two payment endpoints outside {@code /api/} (no token, so not in the abuse suite): the link
 * and the provider's webhook, attacked. Every refusal is a problem document, never a 5xx, and
 * nothing is claimed, opened or stored.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StripeStub.class)
class OpenPaymentEndpointsAbuseTest {

    private static final String WEBHOOK = "/webhooks/payments/stripe";

    @Inject
    DataSource dataSource;

    @Inject
    PaymentLinks links;

    @Inject
    RedisDataSource redis;

    PaymentWorld world;
    String token;

    @BeforeEach
    void linkForTheBalance() throws Throwable {
        forgetCounts();
        StripeStub.reset();
        world = new PaymentWorld(dataSource, "READY_FOR_PICKUP");
        IssuedLink link = VertxContextSupport.subscribeAndAwait(() -> links.issue(world.advisor.actor(), world.jobId,
                PaymentPurpose.BALANCE));
        token = link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    /** The attacks come from 127.0.0.1: the link's per-IP budget must not run out for other tests. */
    @AfterEach
    void forgetCounts() {
        List<String> keys = redis.key().keys("garage:rate:pay_link:*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    @Test
    void malformedLinksAndOtherMethodsAreRefusedAndClaimNothing() {
        for (String bad : List.of("x", token + "A", token.substring(1) + "+", token.substring(2) + "%00",
                "..%2F..%2Fapi%2Fv1%2Fpayments", "'%20or%201=1--" + "A".repeat(30), "%F0%9F%92%B3".repeat(11),
                "A".repeat(5000))) {
            Response answer = given().redirects().follow(false).urlEncodingEnabled(false).get("/pay/" + bad);
            assertRefused(answer, "GET /pay/" + bad);
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Response answer = given().redirects().follow(false).contentType(ContentType.JSON)
                    .body(Map.of("amountMinor", 1)).request(method, "/pay/" + token);
            assertEquals(405, answer.statusCode(), method + " " + answer.asString());
        }
        Response withAToken = given().redirects().follow(false).auth().oauth2(TOKENS.of(world.carl))
                .queryParam("amountMinor", 1).get("/pay/" + "B".repeat(43));
        assertEquals(410, withAToken.statusCode(), withAToken.asString());
        assertLinkUntouched();
    }

    @Test
    void signedButMalformedEventsAreRefusedAndStoreNothing() {
        long created = Instant.now().getEpochSecond();
        String run = "evt_abuse_" + UUID.randomUUID().toString().replace("-", "") + "_";
        List<String> bodies = List.of(
                "not json",
                "[]",
                "{\"id\": 5, \"type\": \"payment_intent.succeeded\", \"created\": " + created + "}",
                "{\"id\": \"evt_x\", \"type\": \"payment_intent.succeeded\", \"created\": \"yesterday\"}",
                "{\"id\": \"" + run + "data\", \"type\": \"payment_intent.succeeded\", \"created\": " + created
                        + ", \"data\": \"x\"}",
                "{\"id\": \"" + run + "object\", \"type\": \"payment_intent.succeeded\", \"created\": " + created
                        + ", \"data\": {\"object\": [1]}}",
                "{\"id\": \"" + run + "metadata\", \"type\": \"payment_intent.succeeded\", \"created\": " + created
                        + ", \"data\": {\"object\": {\"object\": \"payment_intent\", \"id\": \"pi_x\","
                        + " \"metadata\": 7}}}");
        for (String body : bodies) {
            Response answer = given().header("Stripe-Signature", StripeStub.signature(StripeStub.WEBHOOK_SECRET,
                    Instant.now(), body)).contentType(ContentType.JSON).body(body).post(WEBHOOK);
            assertEquals(400, answer.statusCode(), body + " → " + answer.asString());
            assertEquals("application/problem+json", answer.contentType(), body);
        }
        assertEquals(0L, world.rows.count("select count(*) from payment_provider_event where event_id like ?",
                run + "%"));
        Response get = given().get(WEBHOOK);
        assertEquals(405, get.statusCode(), get.asString());
    }

    private static void assertRefused(Response answer, String what) {
        assertTrue(List.of(400, 404, 410, 414, 431).contains(answer.statusCode()),
                what + " → " + answer.statusCode() + " " + answer.asString());
        if (answer.statusCode() != 414 && answer.statusCode() != 431) {
            assertEquals("application/problem+json", answer.contentType(), what);
        }
    }

    private void assertLinkUntouched() {
        assertNull(world.rows.one("select used_at from payment_link where job_id = ?", world.jobId).get("used_at"));
        assertEquals(0L, world.payments());
        assertEquals(0, StripeStub.posts("/v1/checkout/sessions").size());
    }
}
