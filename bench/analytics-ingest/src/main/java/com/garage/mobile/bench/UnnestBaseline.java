package com.garage.mobile.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: the same rows as the endpoint stores (what the server adds included), 50 to a
 * statement, as a plain {@code INSERT … SELECT unnest} over JDBC, with as many connections as the
 * endpoint's load, no checks and no dedupe. With {@code dedupe}, each id is first claimed in
 * {@code analytics_event_id} as the endpoint's sink does: what PostgreSQL alone can take of the
 * endpoint's own writes on this machine.
 */
final class UnnestBaseline {

    private static final String ROWS = """
            select id::uuid as id, now() as received_at, t::timestamptz as occurred_at, 'screen.viewed' as name,
                'app' as source, ?::uuid as garage_id, 'bench-user-key' as user_key, 'customer' as app,
                'ios' as platform, '2.3.1' as app_version, t::timestamptz as client_time, false as offline,
                null::uuid as journey_id,
                p::jsonb as properties
            from unnest(?::text[], ?::text[], ?::text[]) as b(id, t, p)""";
    private static final String COLUMNS = "id, received_at, occurred_at, name, source, garage_id, user_key, app,"
            + " platform, app_version, client_time, offline, journey_id, properties";
    private static final String PLAIN = "insert into analytics_event (" + COLUMNS + ") " + ROWS;
    private static final String DEDUPED = "with batch as (" + ROWS + "), fresh as (insert into analytics_event_id"
            + " (id, seen_at) select id, received_at from batch on conflict do nothing returning id)"
            + " insert into analytics_event (" + COLUMNS + ") select b.* from batch b join fresh f on f.id = b.id";

    private final String jdbcUrl;
    private final UUID garageId;
    private final int connections;

    UnnestBaseline(String jdbcUrl, UUID garageId, int connections) {
        this.jdbcUrl = jdbcUrl;
        this.garageId = garageId;
        this.connections = connections;
    }

    /** Rows inserted in {@code seconds} by all connections together. */
    long eventsIn(int seconds, boolean dedupe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                counts.add(threads.submit(() -> insertUntil(deadline, dedupe ? DEDUPED : PLAIN)));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } finally {
            threads.shutdown();
        }
    }

    private long insertUntil(long deadline, String statement) throws SQLException {
        long rows = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                PreparedStatement insert = db.prepareStatement(statement)) {
            while (System.nanoTime() < deadline) {
                String[] ids = new String[AnalyticsIngestBench.BATCH];
                String[] times = new String[ids.length];
                String[] properties = new String[ids.length];
                String now = Instant.now().toString();
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = Events.uuidV7().toString();
                    times[i] = now;
                    properties[i] = "{\"screen\": \"baseline\"}";
                }
                insert.setString(1, garageId.toString());
                insert.setArray(2, db.createArrayOf("text", ids));
                insert.setArray(3, db.createArrayOf("text", times));
                insert.setArray(4, db.createArrayOf("text", properties));
                rows += insert.executeUpdate();
            }
        }
        return rows;
    }

    /** How many of these event ids are stored. */
    long stored(List<String> ids) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from analytics_event where id = any(?::uuid[])")) {
            count.setArray(1, db.createArrayOf("text", ids.toArray(String[]::new)));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Deletes every event of the bench's garage and its claimed id, so that millions of rows do not
     * slow the benches after this one down.
     */
    void clear() throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                PreparedStatement delete = db.prepareStatement("with gone as (delete from analytics_event"
                        + " where garage_id = ?::uuid returning id) delete from analytics_event_id i using gone"
                        + " where i.id = gone.id")) {
            delete.setString(1, garageId.toString());
            delete.executeUpdate();
        }
    }
}
