package com.garage.mobile.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/** What PostgreSQL plans for a query, for tests that say which index a read goes through. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * The plan of a sync scope's read ({@code SyncScope.members()}, {@code agedOut()}) for a person of a garage, with
     * a week's window ($3) and the day before it ($4), after the statements {@code first} in the same transaction,
     * which is rolled back.
     */
    public static String ofSyncRead(DataSource dataSource, String read, UUID garageId, UUID personId,
            String... first) throws SQLException {
        return avoidingScans(dataSource, read.replace("$1", "'" + garageId + "'::uuid")
                .replace("$2", "'" + personId + "'::uuid")
                .replace("$3", "now() - interval '7 days'").replace("$4", "now() - interval '8 days'"), first);
    }

    /** The plan PostgreSQL makes when it may avoid whole scans: a test's tables are too small to need an index. */
    private static String avoidingScans(DataSource dataSource, String query, String... first) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String setUp : first) {
                statement.execute(setUp);
            }
            statement.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = statement.executeQuery("explain " + query)) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            } finally {
                connection.rollback();
            }
            return plan.toString();
        }
    }
}
