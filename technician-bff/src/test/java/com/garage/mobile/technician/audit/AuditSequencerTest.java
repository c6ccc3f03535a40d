package com.garage.mobile.technician.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.audit.AuditChainVerifier;
import com.garage.mobile.domain.audit.AuditSequencer;
import com.garage.mobile.domain.audit.ChainReport;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audit entries are chained after their writes commit: a write never waits for another write of its garage, and
 * the chain follows the order the entries committed in, not their ids.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AuditSequencerTest {

    private static final String INSERT = "insert into audit_entry (garage_id, actor_subject, actor_role, action,"
            + " resource_type, resource_id, outcome, occurred_at) values (?, 'tech-1', 'technician',"
            + " 'job.change-status', 'job', ?, 'SUCCESS', now()) returning id";

    @Inject
    DataSource dataSource;
    @Inject
    AuditSequencer sequencer;
    @Inject
    AuditChainVerifier verifier;

    Rows rows;
    GarageFixture garage;

    @BeforeEach
    void createGarage() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
    }

    @Test
    void aWriteDoesNotWaitForAnotherWriteOfItsGarageAndTheChainFollowsTheCommits() throws SQLException {
        long early;
        long late;
        try (Connection slow = dataSource.getConnection(); Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            early = insert(slow, "slow");
            try (Statement timeout = quick.createStatement()) {
                timeout.execute("set statement_timeout = '5s'");
            }
            late = insert(quick, "quick");
            chain();
            slow.commit();
        }
        assertTrue(early < late);
        chain();

        assertEquals(List.of(late, early), rows.query("select id from audit_entry where garage_id = ?"
                + " order by chain_position", garage.garageId).stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList());
        ChainReport report = verifier.verify(garage.garageId).await().atMost(Duration.ofSeconds(10));
        assertTrue(report.intact(), String.valueOf(report.firstBreak()));
        assertEquals(2, report.entries());
        assertEquals(early, report.lastEntryId());
    }

    @Test
    void entriesCommittedWhileAPassHoldsTheGarageArePendingAndVerifiedOnceChained() throws SQLException {
        insert("first");
        chain();
        try (Connection pass = dataSource.getConnection()) {
            holdTheHead(pass);
            long pending = insert("second");
            sequencer.chainAll().await().atMost(Duration.ofSeconds(10));
            assertNull(entry(pending).get("chain_position"));

            ChainReport meanwhile = verifier.verify(garage.garageId).await().atMost(Duration.ofSeconds(10));
            assertTrue(meanwhile.intact());
            assertEquals(1, meanwhile.entries());
            assertEquals(1, meanwhile.pendingEntries());
            pass.commit();
        }
        chain();

        ChainReport report = verifier.verify(garage.garageId).await().atMost(Duration.ofSeconds(10));
        assertTrue(report.intact(), String.valueOf(report.firstBreak()));
        assertEquals(2, report.entries());
        assertEquals(0, report.pendingEntries());
    }

    @Test
    void passesRunningAtOnceChainEveryEntryOnce() {
        LongStream.range(0, 40).forEach(n -> insert("job-" + n));

        Uni.join().all(sequencer.chainAll(), sequencer.chain(garage.garageId), sequencer.chainAll(),
                sequencer.chain(garage.garageId)).andCollectFailures().await().atMost(Duration.ofSeconds(20));

        Map<String, Object> chain = rows.one("select count(*) as entries, count(distinct chain_position) as positions,"
                + " min(chain_position) as first, max(chain_position) as last from audit_entry where garage_id = ?",
                garage.garageId);
        assertEquals(Map.of("entries", 40L, "positions", 40L, "first", 1L, "last", 40L), chain);
        ChainReport report = verifier.verify(garage.garageId).await().atMost(Duration.ofSeconds(10));
        assertTrue(report.intact(), String.valueOf(report.firstBreak()));
        assertEquals(40, report.entries());
    }

    @Test
    void anEntryIsChainedByTheSequencerOnlyAndOnlyOnce() throws SQLException {
        chain();
        long entry;
        Map<String, Object> pending;
        try (Connection pass = dataSource.getConnection()) {
            holdTheHead(pass);
            entry = insert("job-1");
            pending = entry(entry);

            assertRefused("update audit_entry set outcome = 'REFUSED' where id = ?", entry, "append-only");
            assertRefused("update audit_entry set chain_position = 1, prev_hash = 'genesis', hash = 'forged'"
                    + " where id = ?", entry, "append-only");
            assertRefused("insert into audit_entry (garage_id, actor_subject, actor_role, action, resource_type,"
                    + " outcome, chain_position, prev_hash, hash) values (?, 'x', 'technician', 'job.change-status',"
                    + " 'job', 'SUCCESS', 7, 'genesis', 'forged')", garage.garageId, "chained by the sequencer");
            assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ?", garage.garageId));
            assertEquals(pending, entry(entry));
            assertNull(pending.get("chain_position"));
            pass.commit();
        }

        chain();
        Map<String, Object> chained = entry(entry);
        assertEquals(1L, chained.get("chain_position"));
        assertEquals("genesis", chained.get("prev_hash"));
        assertEquals(true, chained.get("intact"));
        assertRefused("update audit_entry set chain_position = 2 where id = ?", entry, "append-only");
        assertRefused("delete from audit_entry where id = ?", entry, "append-only");
        assertEquals(chained, entry(entry));
    }

    /** Takes the garage's chain head as a pass does, so the pods' own passes leave the garage's entries pending. */
    private void holdTheHead(Connection pass) throws SQLException {
        pass.setAutoCommit(false);
        try (Statement hold = pass.createStatement()) {
            hold.execute("select 1 from audit_chain_head where garage_id = '" + garage.garageId + "' for update");
        }
    }

    private void chain() {
        sequencer.chain(garage.garageId).await().atMost(Duration.ofSeconds(10));
    }

    private long insert(String resource) {
        return ((Number) rows.one(INSERT, garage.garageId, resource).get("id")).longValue();
    }

    private long insert(Connection connection, String resource) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, garage.garageId);
            insert.setString(2, resource);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private Map<String, Object> entry(long id) {
        return rows.one("select outcome, chain_position, prev_hash, hash, hash = audit_entry_hash(a) as intact"
                + " from audit_entry a where id = ?", id);
    }

    private void assertRefused(String sql, Object parameter, String reason) {
        SQLException refusal = assertThrows(SQLException.class, () -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                statement.executeUpdate();
            }
        }, sql);
        assertTrue(refusal.getMessage().contains(reason), refusal.getMessage());
    }
}
