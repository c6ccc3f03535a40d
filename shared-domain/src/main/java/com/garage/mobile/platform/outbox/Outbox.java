package com.garage.mobile.platform.outbox;

import com.garage.mobile.domain.notification.SqlTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Enqueues outbound work in the caller's transaction, so the work exists exactly when the change
 * that asks for it committed. An item whose (kind, dedupe key) was enqueued before is ignored.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbound_work (kind, garage_id, dedupe_key, route, payload, ttl_seconds, expires_at,
                next_attempt_at, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
            on conflict (kind, dedupe_key) do nothing""";

    public Uni<Void> enqueue(SqlConnection transaction, List<NewWork> work) {
        if (work.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transaction.preparedQuery(INSERT).executeBatch(work.stream().map(Outbox::row).toList())
                .replaceWithVoid();
    }

    private static Tuple row(NewWork work) {
        long ttlSeconds = Math.max(1, Duration.between(work.dueAt(), work.expiresAt()).toSeconds());
        return Tuple.of(work.kind(), work.garageId(), work.dedupeKey(), work.route(), work.payload())
                .addInteger((int) Math.min(Integer.MAX_VALUE, ttlSeconds))
                .addValue(SqlTime.at(work.expiresAt()))
                .addValue(SqlTime.at(work.dueAt()));
    }
}
