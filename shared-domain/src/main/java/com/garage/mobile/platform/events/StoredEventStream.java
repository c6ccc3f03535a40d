package com.garage.mobile.platform.events;

import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.codecs.Codec;
import io.quarkus.redis.datasource.codecs.Codecs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One kind of committed event on its way to every pod: a PostgreSQL table written in the change's
 * transaction (the outbox) and a Redis stream every pod follows. The writer publishes after commit
 * and marks the rows published; what it could not publish (a crash, Redis down) the
 * {@link EventRelay} publishes later, so a change never fails because Redis did. Two publishers of
 * one event may both put it on the stream; apps dedupe by its id, as for every live event.
 *
 * @param <T> the event as it travels, written by Jackson into the entry's {@code event} field
 */
public abstract class StoredEventStream<T> {

    private static final Logger LOG = Logger.getLogger(StoredEventStream.class);
    private final ReactiveRedisDataSource redis;
    private final Pool pool;
    private final String table;
    private final String columns;
    private final String streamKey;
    private final EventBusConfig config;
    /** Writes an event as the stream commands of its type would, so that {@link StreamTail} reads it back. */
    private final Codec codec;
    private final StreamTail<T> tail;

    protected StoredEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config, Class<T> type,
            String table, String columns, String streamKey) {
        this.redis = redis;
        this.pool = pool;
        this.table = table;
        this.columns = columns;
        this.streamKey = streamKey;
        this.config = config;
        this.codec = Codecs.getDefaultCodecFor(type);
        this.tail = new StreamTail<>(redis, type, streamKey, config);
    }

    /** Reads one event from a row holding {@link #columns}. */
    protected abstract T read(Row row);

    protected abstract long idOf(T event);

    /** Every event committed by any pod of either BFF, as it reaches this pod; hot. */
    public Multi<T> arrivals() {
        return tail.values();
    }

    /** The events of the rows, in row order. */
    public List<T> events(RowSet<Row> rows) {
        List<T> events = new ArrayList<>(rows.size());
        rows.forEach(row -> events.add(read(row)));
        return events;
    }

    /** The event with this id as stored, if it is one of this table's. */
    public Uni<Optional<StoredEvent<T>>> find(long eventId) {
        return pool.preparedQuery("select " + columns + ", published_at from " + table + " where id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    OffsetDateTime publishedAt = row.getOffsetDateTime("published_at");
                    return Optional.of(new StoredEvent<>(read(row), publishedAt != null ? publishedAt.toInstant() : null));
                });
    }

    /**
     * After the writer's commit: puts the events of one owner (a conversation, a vehicle, a request: the rows whose
     * {@code ownerColumn} is {@code owner}) not yet published on the stream. A failure is logged and left to the relay.
     */
    protected Uni<Void> publishPending(String ownerColumn, UUID owner) {
        return pool.preparedQuery("select " + columns + " from " + table + " where " + ownerColumn
                        + " = $1 and published_at is null order by id limit 100").execute(Tuple.of(owner))
                .chain(rows -> toStream(events(rows)))
                .onFailure().invoke(e -> LOG.warnf("Events of %s left to the relay: %s", table,
                        LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Puts committed events on the stream in order, then marks them published. */
    protected Uni<Void> toStream(List<T> events) {
        return publishOn(pool, events);
    }

    /** One pipeline on one connection: the entries reach the stream in the events' order, in one round trip. */
    private Uni<Void> publishOn(SqlClient client, List<T> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = events.stream().map(this::idOf).toArray(Long[]::new);
        return redis.getRedis().batch(events.stream().map(this::xadd).toList())
                .chain(() -> client.preparedQuery("update " + table
                        + " set published_at = now() where id = any($1) and published_at is null")
                        .execute(Tuple.of(ids)))
                .replaceWithVoid();
    }

    /** The entry of one event, the stream trimmed to about its configured length. */
    private Request xadd(T event) {
        return Request.cmd(Command.XADD).arg(streamKey).arg("MAXLEN").arg("~").arg(config.streamLength()).arg("*")
                .arg(StreamTail.FIELD).arg(codec.encode(event));
    }

    /**
     * Publishes, within the connection's transaction, what is older than the grace and still
     * unpublished; {@code skip locked} keeps two pods off the same rows. Says how many it published.
     */
    Uni<Integer> relayOverdue(SqlConnection connection) {
        double graceSeconds = config.relayGrace().toMillis() / 1000.0;
        return connection.preparedQuery("select " + columns + " from " + table
                        + " where published_at is null and occurred_at < now() - make_interval(secs => $1)"
                        + " order by id limit 500 for update skip locked")
                .execute(Tuple.of(graceSeconds))
                .map(this::events)
                .chain(events -> publishOn(connection, events).replaceWith(events.size()));
    }

    /** What this stream is called in logs: its table. */
    String name() {
        return table;
    }

    void follow() {
        tail.start();
    }

    void unfollow() {
        tail.stop();
    }
}
