package com.garage.mobile.customer.sync;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.sync.SyncChecksum;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A syncable type contributed from test code alone ({@link CourtesyCarSync}) syncs like the built-in ones. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CourtesyCarSyncTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person carl;
    Person dana;
    UUID loaner;
    String key;

    @BeforeEach
    void lendACarToCarl() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        dana = garage.customer("Dana", "Okafor");
        loaner = UUID.randomUUID();
        key = SyncReplica.key(CourtesyCarSync.TYPE, loaner);
        garage.sql("insert into test_courtesy_car (id, garage_id, customer_id, registration)"
                + " values (?, ?, ?, 'LN24 CAR')", loaner, garage.garageId, carl.id());
    }

    @Test
    void testOnlyTypeIsListedInItsFormAndCountedInTheChecksum() {
        SyncReplica replica = new SyncReplica(TOKENS.of(carl)).catchUp(1);

        assertEquals("LN24 CAR", replica.records.get(key).get("registration"));
        replica.assertChecksumMatches();
        assertEquals(2L, ((Number) replica.checksum.get("count")).longValue(), "Carl's profile and the courtesy car");
        long rev = rows.count("select max(seq) from sync_change where entity_type = ? and entity_id = ?",
                CourtesyCarSync.TYPE, loaner);
        assertEquals(rev, replica.revs.get(key));
        long profileRev = rows.count("select max(seq) from sync_change where entity_type = 'customer'"
                + " and entity_id = ?", carl.id());
        assertEquals(HexFormat.of().toHexDigits(SyncChecksum.item(CourtesyCarSync.TYPE, loaner.toString(), rev)
                ^ SyncChecksum.item("customer", carl.id().toString(), profileRev)), replica.checksum.get("hash"));
    }

    @Test
    void changeIsAnUpsertAndDeletionATombstone() {
        SyncReplica replica = new SyncReplica(TOKENS.of(carl)).catchUp(100);

        garage.sql("update test_courtesy_car set registration = 'LN24 NEW', version = 1 where id = ?", loaner);
        replica.catchUpUntil(100, r -> r.upserted.contains(key));
        assertEquals(Map.of("id", loaner.toString(), "registration", "LN24 NEW", "version", 1),
                replica.records.get(key));
        replica.assertChecksumMatches();

        garage.sql("delete from test_courtesy_car where id = ?", loaner);
        replica.catchUpUntil(100, r -> r.tombstoned.contains(key));
        assertFalse(replica.records.containsKey(key));
        replica.assertChecksumMatches();
    }

    @Test
    void anotherCustomerNeverSeesTheCarUntilItIsLentToThem() {
        SyncReplica carls = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        SyncReplica danas = new SyncReplica(TOKENS.of(dana)).catchUp(100);
        assertFalse(danas.records.containsKey(key));
        garage.sql("update test_courtesy_car set registration = 'LN24 NEW' where id = ?", loaner);
        carls.catchUpUntil(100, r -> r.upserted.contains(key));
        danas.catchUp(100);
        assertFalse(danas.upserted.contains(key) || danas.tombstoned.contains(key), danas.upserted.toString());
        danas.assertChecksumMatches();

        garage.sql("update test_courtesy_car set customer_id = ? where id = ?", dana.id(), loaner);

        carls.catchUpUntil(100, r -> r.tombstoned.contains(key));
        assertFalse(carls.records.containsKey(key));
        carls.assertChecksumMatches();
        danas.catchUpUntil(100, r -> r.records.containsKey(key));
        assertTrue(danas.upserted.contains(key));
        danas.assertChecksumMatches();
    }
}
