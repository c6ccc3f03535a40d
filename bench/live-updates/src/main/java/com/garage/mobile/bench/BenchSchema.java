package com.garage.mobile.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The bench database, made ready before a bench writes its garages: migrated from the project's own migrations (on
 * a fresh database nothing has yet; the pods do at their start, which comes after the garages), then vacuumed. This
 * machine's PostgreSQL runs without autovacuum, so every earlier run's updated rows would otherwise stay as dead
 * versions (116,000 of them on 672 jobs after a morning of runs), and each run would measure slower than the last;
 * and a garage written since the last analyze would have no statistics ({@link #analyze}).
 */
final class BenchSchema {

    private static boolean ready;

    private BenchSchema() {
    }

    static synchronized void prepare(String jdbcUrl) throws SQLException {
        if (ready) {
            return;
        }
        Path migrations = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize()
                .resolve("shared-domain/src/main/resources/db/migration");
        Flyway.configure().dataSource(jdbcUrl, "garage", "garage").locations("filesystem:" + migrations)
                .load().migrate();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                Statement vacuum = db.createStatement()) {
            vacuum.execute("vacuum analyze");
        }
        ready = true;
    }

    /**
     * The planner's statistics, gathered once a bench has written its rows, as autovacuum's auto-analyze does on a
     * server where it runs. Without them PostgreSQL takes a garage written after the last analyze for a row or two
     * and plans nested loops over it: the sync checksum's statement ran 12.8 ms instead of 3.6.
     */
    static void analyze(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                Statement analyze = db.createStatement()) {
            analyze.execute("analyze");
        }
    }
}
