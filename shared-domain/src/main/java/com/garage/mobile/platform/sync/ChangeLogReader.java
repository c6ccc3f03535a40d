package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.platform.sync.SyncTypes.ScopedType;
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
              and %s and c.entity_type = any($5) and (%s)
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
    record Change(Position position, String type, UUID id) {
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

    /** The change rows after a position that concern the caller, each type's through its own filter. */
    Uni<List<Change>> changesAfter(List<ScopedType> types, UUID garageId, UUID personId, Position after, int limit) {
        if (types.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String filters = String.join(" or ", types.stream()
                .map(t -> "(c.entity_type = '" + t.name() + "' and " + t.scope().changeFilter() + ")").toList());
        String sql = CHANGES.formatted(DELIVERABLE, filters);
        String[] names = types.stream().map(ScopedType::name).toArray(String[]::new);
        return pool.preparedQuery(sql).execute(Tuple.tuple(List.of(garageId, personId, Long.toString(after.txid()),
                after.seq(), names, limit))).map(rows -> {
                    List<Change> changes = new ArrayList<>();
                    rows.forEach(row -> changes.add(new Change(
                            new Position(Long.parseLong(row.getString("txid")), row.getLong("seq")),
                            row.getString("entity_type"), row.getUUID("entity_id"))));
                    return changes;
                });
    }

    /** A page of one type of the scope, by id, after {@code afterId}. */
    Uni<List<SyncRef>> membersAfter(ScopedType type, Scoped who, UUID afterId, int limit) {
        String sql = revs(type) + " and id > $4 order by id limit $5";
        return refs(type.name(), sql, who.params(afterId != null ? afterId : new UUID(0, 0), limit));
    }

    /** Which of these ids are in the scope now, with their revs. */
    Uni<List<SyncRef>> membersAmong(ScopedType type, Scoped who, List<UUID> ids) {
        return refs(type.name(), revs(type) + " and id = any($4)",
                who.params((Object) ids.toArray(UUID[]::new)));
    }

    /** The whole scope, every type in one statement. */
    Uni<List<SyncRef>> members(List<ScopedType> types, Scoped who) {
        if (types.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = String.join(" union all ", types.stream().map(ChangeLogReader::revs).toList());
        return pool.preparedQuery(sql).execute(who.params()).map(rows -> {
            List<SyncRef> refs = new ArrayList<>();
            rows.forEach(row -> refs.add(new SyncRef(row.getString("type"), row.getUUID("id"), row.getLong("rev"))));
            return refs;
        });
    }

    /** The records of this type that left the scope by age alone since {@code windowStartBefore}. */
    Uni<List<SyncRef>> agedOut(ScopedType type, Scoped who, Instant windowStartBefore) {
        return pool.preparedQuery(type.scope().agedOut()).execute(who.params(SqlTime.at(windowStartBefore)))
                .map(rows -> {
                    List<SyncRef> refs = new ArrayList<>();
                    rows.forEach(row -> refs.add(new SyncRef(type.name(), row.getUUID("id"), 0)));
                    return refs;
                });
    }

    private static String revs(ScopedType type) {
        return REVS.formatted(type.name(), type.scope().members(), type.name(), DELIVERABLE);
    }

    private Uni<List<SyncRef>> refs(String type, String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<SyncRef> refs = new ArrayList<>();
            rows.forEach(row -> refs.add(new SyncRef(type, row.getUUID("id"), row.getLong("rev"))));
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
