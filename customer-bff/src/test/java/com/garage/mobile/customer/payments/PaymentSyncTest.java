package com.garage.mobile.customer.payments;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.StripeStub;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer's payments in their offline copy (type {@code payment}), as their receipts. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StripeStub.class)
class PaymentSyncTest {

    @Inject
    DataSource dataSource;

    PaymentWorld world;
    UUID paymentId;
    String key;

    @BeforeEach
    void depositInFlight() {
        StripeStub.reset();
        world = new PaymentWorld(dataSource, "AWAITING_APPROVAL");
        given().auth().oauth2(TOKENS.builder(world.carl).steppedUp().sign()).contentType(ContentType.JSON)
                .body(Map.of("purpose", "DEPOSIT")).post("/api/v1/jobs/" + world.jobId + "/payments")
                .then().statusCode(200);
        paymentId = (UUID) world.onlyPayment().get("id");
        key = SyncReplica.key("payment", paymentId);
    }

    @Test
    void theCustomersPaymentIsInTheirCopyAsAReceiptAndFollowsItsStatus() {
        SyncReplica replica = new SyncReplica(TOKENS.of(world.carl)).catchUp(100);

        Map<String, Object> receipt = replica.records.get(key);
        assertEquals("AWAITING_METHOD", receipt.get("status"));
        assertEquals(1944, receipt.get("amountMinor"));
        assertEquals(world.jobId.toString(), receipt.get("jobId"));
        assertEquals(null, receipt.get("clientSecret"));
        replica.assertChecksumMatches();

        world.garage.sql("update payment set status = 'HELD', version = version + 1 where id = ?", paymentId);
        replica.catchUpUntil(100, r -> r.upserted.contains(key) && "HELD".equals(r.records.get(key).get("status")));
        replica.assertChecksumMatches();
    }

    @Test
    void anotherCustomerNeverSeesIt() {
        Person cora = world.garage.customer("Cora", "Li");
        SyncReplica coras = new SyncReplica(TOKENS.of(cora)).catchUp(100);
        world.garage.sql("update payment set status = 'HELD', version = version + 1 where id = ?", paymentId);
        new SyncReplica(TOKENS.of(world.carl)).catchUpUntil(100, r -> r.records.containsKey(key)
                && "HELD".equals(r.records.get(key).get("status")));

        coras.catchUp(100);

        assertFalse(coras.records.containsKey(key) || coras.upserted.contains(key) || coras.tombstoned.contains(key));
        coras.assertChecksumMatches();
    }
}
