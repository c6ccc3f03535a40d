package com.garage.mobile.customer.payments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /pay/{token}} opens without a token: limited per link (5 a minute) and per client IP (30 a minute). */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StripeStub.class)
class PayLinkRateLimitTest {

    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** Every call of this class comes from 127.0.0.1: the other tests' links must not pay for it. */
    @AfterEach
    void forgetCounts() {
        List<String> keys = redis.key().keys("garage:rate:pay_link:*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    @Test
    void aLinkOpenedTooOftenIsRefusedWithRetryAfterAndStaysUnused() {
        world.garage.sql("update payment_link set expires_at = now() - interval '1 minute' where job_id = ?",
                world.jobId);
        for (int i = 0; i < 5; i++) {
            open(token).statusCode(410);
        }
        world.garage.sql("update payment_link set expires_at = now() + interval '1 hour' where job_id = ?",
                world.jobId);

        int retryAfter = Integer.parseInt(open(token)
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:rate-limited"))
                .extract().header("Retry-After"));

        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertNull(world.rows.one("select used_at from payment_link where job_id = ?", world.jobId).get("used_at"));
        assertEquals(0L, world.payments());
        assertEquals(0, StripeStub.posts("/v1/checkout/sessions").size());
        open(randomToken()).statusCode(410);
    }

    @Test
    void oneClientTryingManyLinksIsRefusedOnceOverItsBudget() {
        for (int i = 0; i < 30; i++) {
            open(randomToken()).statusCode(410);
        }
        open(randomToken()).statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:rate-limited"));
        open(token).statusCode(429);
        assertNull(world.rows.one("select used_at from payment_link where job_id = ?", world.jobId).get("used_at"));
        assertEquals(0L, world.payments());
    }

    private static ValidatableResponse open(String token) {
        return given().redirects().follow(false).when().get("/pay/" + token).then();
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
