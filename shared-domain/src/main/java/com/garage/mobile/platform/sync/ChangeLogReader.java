package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.notification.SqlTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the change log and the caller's scope. Every statement sees only change rows of
 * transactions older than its snapshot's xmin: all of them have ended, so none can still appear
 * behind a position once it has been handed out.
 */
@ApplicationScoped
class ChangeLogReader {

    private static final String DELIVERABLE = "c.txid < pg_snapshot_xmin(pg_current_snapshot())";
    private static final String WATERMARK = "select c.txid::text as txid, c.seq from sync_change c"
            + " where c.garage_id = $1 and " + DELIVERABLE + " order by c.txid desc, c.seq desc limit 1";
    private static final String CHANGES = """
            select c.seq, c.txid::text as txid, c.entity_type, c.entity_id from sync_change c
            where c.garage_id = $1 and c.txid >= $3::text::xid8 and (c.txid > $3::text::xid8 or c.seq > $4)
              and %s and c.entity_type = any($5) and %s
            order by c.txid, c.seq limit $6""";
    private static final String REVS = """
            select * from (
              select '%s' as type, m.id, r.rev from (%s) m
              cross join lateral (select max(c.seq) as rev from sync_change c
                                  where c.entity_id = m.id and c.entity_type = '%s' and %s) r) s
            where rev is not null""";

    private final Pool pool;

    ChangeLogReader(Pool pool) {
        this.pool = pool;
    }

    /** A change-log position: a transaction id and the seq of a row in it. */
    record Position(long txid, long seq) {
        static final Position START = new Position(0, 0);
    }

    /** A deliverable change row. */
    record Change(Position position, SyncEntity entity, UUID id) {
    }

    /** The position of the garage's last deliverable change: a first sync's snapshot is newer. */
    Uni<Position> watermark(UUID garageId) {
        return pool.preparedQuery(WATERMARK).execute(Tuple.of(garageId)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Position.START;
            }
            Row row = it.next();
            return new Position(Long.parseLong(row.getString("txid")), row.getLong("seq"));
        });
    }

    Uni<List<Change>> changesAfter(SyncScope scope, UUID garageId, UUID personId, Position after, int limit) {
        String sql = CHANGES.formatted(DELIVERABLE, scope.changeFilter());
        return pool.preparedQuery(sql).execute(Tuple.tuple(List.of(garageId, personId, Long.toString(after.txid()),
                after.seq(), scope.typeNames(), limit))).map(rows -> {
                    List<Change> changes = new ArrayList<>();
                    rows.forEach(row -> changes.add(new Change(
                            new Position(Long.parseLong(row.getString("txid")), row.getLong("seq")),
                            SyncEntity.of(row.getString("entity_type")), row.getUUID("entity_id"))));
                    return changes;
                });
    }

    /** A page of one type of the scope, by id, after {@code afterId}. */
    Uni<List<SyncRef>> membersAfter(SyncScope.ScopedType type, Scoped who, UUID afterId, int limit) {
        String sql = revs(type, type.members()) + " and id > $4 order by id limit $5";
        return refs(type.entity(), sql, who.params(afterId != null ? afterId : new UUID(0, 0), limit));
    }

    /** Which of these ids are in the scope now, with their revs. */
    Uni<List<SyncRef>> membersAmong(SyncScope.ScopedType type, Scoped who, List<UUID> ids) {
        return refs(type.entity(), revs(type, type.members()) + " and id = any($4)",
                who.params((Object) ids.toArray(UUID[]::new)));
    }

    /** The whole scope, every type in one statement. */
    Uni<List<SyncRef>> members(SyncScope scope, Scoped who) {
        String sql = String.join(" union all ", scope.types().stream().map(t -> revs(t, t.members())).toList());
        return pool.preparedQuery(sql).execute(who.params()).map(rows -> {
            List<SyncRef> refs = new ArrayList<>();
            rows.forEach(row -> refs.add(new SyncRef(SyncEntity.of(row.getString("type")), row.getUUID("id"),
                    row.getLong("rev"))));
            return refs;
        });
    }

    /** The records of this type that left the scope by age alone since {@code windowStartBefore}. */
    Uni<List<SyncRef>> agedOut(SyncScope.ScopedType type, Scoped who, Instant windowStartBefore) {
        return pool.preparedQuery(type.agedOut()).execute(who.params(SqlTime.at(windowStartBefore))).map(rows -> {
            List<SyncRef> refs = new ArrayList<>();
            rows.forEach(row -> refs.add(new SyncRef(type.entity(), row.getUUID("id"), 0)));
            return refs;
        });
    }

    private static String revs(SyncScope.ScopedType type, String members) {
        return REVS.formatted(type.entity().wireName(), members, type.entity().wireName(), DELIVERABLE);
    }

    private Uni<List<SyncRef>> refs(SyncEntity entity, String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<SyncRef> refs = new ArrayList<>();
            rows.forEach(row -> refs.add(new SyncRef(entity, row.getUUID("id"), row.getLong("rev"))));
            return refs;
        });
    }

    /** Who is asking, and the start of their closed-job window: the first three parameters. */
    record Scoped(UUID garageId, UUID personId, Instant windowStart) {
        Tuple params(Object... more) {
            List<Object> values = new ArrayList<>(List.of(garageId, personId, SqlTime.at(windowStart)));
            values.addAll(List.of(more));
            return Tuple.tuple(values);
        }
    }
}
