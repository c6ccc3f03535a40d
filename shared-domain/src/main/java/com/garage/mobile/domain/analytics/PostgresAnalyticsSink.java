package com.garage.mobile.domain.analytics;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Events into the day-partitioned {@code analytics_event} table, a whole batch in one statement:
 * the rows travel as arrays ({@code unnest}), each id is claimed in {@code analytics_event_id}
 * ({@code on conflict do nothing}, which waits for a concurrent claim of the same id to commit), and
 * only the rows whose claim succeeded are inserted.
 *
 * <p>At most {@link AnalyticsConfig#writesAtOnce()} statements run at once; the batches that arrive
 * meanwhile wait and go together in the next one ({@link WriteGroup}), so a busy pod commits, and
 * flushes PostgreSQL's log, once for many apps' batches rather than once for each. A quiet pod's
 * batch goes at once. Each batch's properties are written as JSON on its caller's thread, not on
 * the one that sends the group, and each caller is answered on its own Vert.x context.
 */
@ApplicationScoped
public class PostgresAnalyticsSink implements AnalyticsSink {

    static final String INSERT = """
            with batch as (
                select * from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::text[],
                    $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::bool[],
                    $13::uuid[], $14::text[])
                as b(id, received_at, occurred_at, name, source, garage_id, user_key, app, platform, app_version,
                     client_time, offline, journey_id, properties)),
            fresh as (
                insert into analytics_event_id (id, seen_at) select id, received_at from batch
                on conflict do nothing returning id)
            insert into analytics_event (id, received_at, occurred_at, name, source, garage_id, user_key, app,
                platform, app_version, client_time, offline, journey_id, properties)
            select b.id, b.received_at, b.occurred_at, b.name, b.source, b.garage_id, b.user_key, b.app, b.platform,
                b.app_version, b.client_time, b.offline, b.journey_id, b.properties::jsonb
            from batch b join fresh f on f.id = b.id
            returning id""";

    private final Pool pool;
    private final int writesAtOnce;
    private final int rowsPerWrite;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private int writing;

    public PostgresAnalyticsSink(Pool pool, AnalyticsConfig config) {
        this.pool = pool;
        this.writesAtOnce = config.writesAtOnce();
        this.rowsPerWrite = config.rowsPerWrite();
    }

    @Override
    public Uni<Set<UUID>> store(List<AnalyticsEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Waiting batch = new Waiting(events.stream().map(Encoded::of).toList(), new CompletableFuture<>());
            synchronized (this) {
                waiting.add(batch);
            }
            writeNext();
            Uni<Set<UUID>> answer = Uni.createFrom().completionStage(batch.answer());
            return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private void writeNext() {
        List<Waiting> group = nextGroup();
        if (group.isEmpty()) {
            return;
        }
        WriteGroup<Encoded> write = new WriteGroup<>(group.stream().map(Waiting::rows).toList(), Encoded::id);
        Uni.createFrom().item(() -> columns(write.rows()))
                .chain(columns -> pool.preparedQuery(INSERT).execute(columns))
                .map(rows -> write.storedPerBatch(ids(rows)))
                .subscribe().with(each -> {
                    written();
                    for (int i = 0; i < group.size(); i++) {
                        group.get(i).answer().complete(each.get(i));
                    }
                }, failure -> {
                    written();
                    group.forEach(caller -> caller.answer().completeExceptionally(failure));
                });
    }

    /** The batches the next statement writes, oldest first; none while as many statements as allowed run. */
    private synchronized List<Waiting> nextGroup() {
        List<Waiting> group = new ArrayList<>();
        if (writing >= writesAtOnce) {
            return group;
        }
        int rows = 0;
        while (!waiting.isEmpty() && (group.isEmpty() || rows + waiting.peek().rows().size() <= rowsPerWrite)) {
            Waiting next = waiting.poll();
            rows += next.rows().size();
            group.add(next);
        }
        if (!group.isEmpty()) {
            writing++;
        }
        return group;
    }

    private void written() {
        synchronized (this) {
            writing--;
        }
        writeNext();
    }

    private static Set<UUID> ids(RowSet<Row> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    private static Tuple columns(List<Encoded> rows) {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        String[] names = new String[n];
        String[] sources = new String[n];
        UUID[] garages = new UUID[n];
        String[] users = new String[n];
        String[] apps = new String[n];
        String[] platforms = new String[n];
        String[] versions = new String[n];
        OffsetDateTime[] clientTimes = new OffsetDateTime[n];
        Boolean[] offline = new Boolean[n];
        UUID[] journeys = new UUID[n];
        String[] properties = new String[n];
        for (int i = 0; i < n; i++) {
            AnalyticsEvent event = rows.get(i).event();
            ids[i] = event.id();
            received[i] = utc(event.receivedAt());
            occurred[i] = utc(event.occurredAt());
            names[i] = event.name();
            sources[i] = event.source();
            garages[i] = event.garageId();
            users[i] = event.userKey();
            apps[i] = event.app();
            platforms[i] = event.platform();
            versions[i] = event.appVersion();
            clientTimes[i] = utc(event.clientTime());
            offline[i] = event.offline();
            journeys[i] = event.journeyId();
            properties[i] = rows.get(i).properties();
        }
        return Tuple.tuple().addArrayOfUUID(ids).addArrayOfOffsetDateTime(received)
                .addArrayOfOffsetDateTime(occurred).addArrayOfString(names).addArrayOfString(sources)
                .addArrayOfUUID(garages).addArrayOfString(users).addArrayOfString(apps).addArrayOfString(platforms)
                .addArrayOfString(versions).addArrayOfOffsetDateTime(clientTimes).addArrayOfBoolean(offline)
                .addArrayOfUUID(journeys).addArrayOfString(properties);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An event with its properties written as JSON. */
    private record Encoded(AnalyticsEvent event, String properties) {

        static Encoded of(AnalyticsEvent event) {
            return new Encoded(event, new JsonObject(event.properties()).encode());
        }

        UUID id() {
            return event.id();
        }
    }

    /** A caller's batch waiting for its statement, and the answer it waits for. */
    private record Waiting(List<Encoded> rows, CompletableFuture<Set<UUID>> answer) {
    }
}
