package com.garage.mobile.technician.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncTypes;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.QueryPlans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A job's status change between unfinished states rewrites its row in place, not every index of job_card, and what
 * reads a garage's unfinished and recently finished jobs finds them through {@code (garage_id, closed_at)} (issue 19,
 * docs/performance.md, twenty-third step).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobCardIndexTest {

    @Inject
    DataSource dataSource;

    @Inject
    SyncTypes types;

    @Test
    void aStatusChangeBetweenUnfinishedStatesIsHeapOnly() throws SQLException {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person carl = garage.customer("Carl", "Jensen");
        UUID job = garage.job(carl, garage.vehicle(carl)).status("OPEN").create();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement change = connection.prepareStatement("update job_card set status = 'IN_PROGRESS',"
                    + " updated_at = now(), version = version + 1, last_event_seq = last_event_seq + 1"
                    + " where id = ?")) {
                change.setObject(1, job);
                assertEquals(1, change.executeUpdate());
            }
            // This transaction's own counts, before any statistics are flushed.
            try (Statement statement = connection.createStatement(); ResultSet counts = statement.executeQuery(
                    "select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables where relname = 'job_card'")) {
                assertTrue(counts.next());
                assertEquals(List.of(1L, 1L), List.of(counts.getLong(1), counts.getLong(2)), "updated, of which HOT");
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void anAdvisorsCopyOfAGarageWithYearsOfClosedJobsReadsOnlyItsRecentOnes() throws SQLException {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person alice = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        UUID car = garage.vehicle(carl);
        garage.job(carl, car).status("IN_PROGRESS").create();
        SyncScope scope = types.of(alice.actor()).stream()
                .filter(type -> type.type().declaration().name().equals("job"))
                .findFirst().orElseThrow().scope();
        // Two years of the garage's closed jobs, and the planner told of them; rolled back with the plan.
        String[] history = {"insert into job_card (id, garage_id, number, customer_id, vehicle_id, status, concern,"
                + " closed_at) select gen_random_uuid(), '" + garage.garageId + "', 1000 + n, '" + carl.id() + "', '"
                + car + "', 'CLOSED', 'Service', now() - n * interval '6 hours' from generate_series(1, 3000) n",
            "analyze job_card"};

        for (String read : new String[] {scope.members(), scope.agedOut()}) {
            String plan = QueryPlans.ofSyncRead(dataSource, read, garage.garageId, alice.id(), history);
            assertTrue(plan.contains("job_card_garage_closed_idx"), plan);
        }
        // ANALYZE writes the table's row count in place, outside the transaction: count it again without the history.
        garage.sql("analyze job_card");
    }
}
