package com.garage.mobile.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
     * Vacuums the database every {@code bench.vacuum-every} seconds (60, autovacuum's default nap) while the bench
     * writes, when this PostgreSQL runs without autovacuum, as a server's would: otherwise every row a run's writes
     * retire (a job's old version, a decided notification, a chained audit entry's pending one) stays in the indexes,
     * and the work queues' scans grow with the run. Answers what stops the vacuums.
     */
    static Runnable vacuumAsAServerWould(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                Statement show = db.createStatement();
                ResultSet autovacuum = show.executeQuery("show autovacuum")) {
            if (autovacuum.next() && "on".equals(autovacuum.getString(1))) {
                return () -> { };
            }
        }
        long every = Long.getLong("bench.vacuum-every", 60);
        System.out.printf("(PostgreSQL runs without autovacuum here: the bench vacuums its database every %d s)%n",
                every);
        ScheduledExecutorService vacuums = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-vacuum");
            thread.setDaemon(true);
            return thread;
        });
        vacuums.scheduleWithFixedDelay(() -> {
            try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                    Statement vacuum = db.createStatement()) {
                vacuum.execute("vacuum analyze");
            } catch (SQLException e) {
                System.out.printf("vacuum failed: %s%n", e.getMessage());
            }
        }, every, every, TimeUnit.SECONDS);
        return vacuums::shutdownNow;
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
