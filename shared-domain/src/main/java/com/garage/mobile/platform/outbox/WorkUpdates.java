package com.garage.mobile.platform.outbox;

import com.garage.mobile.domain.notification.SqlTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/** The state changes of an outbound item, each guarded so that only its current claimer moves it. */
final class WorkUpdates {

    private static final String LEASE = """
            update outbound_work set status = 'SENDING', lease_until = $2 where id = $1""";
    private static final String WAIT = """
            update outbound_work set status = 'PENDING', next_attempt_at = $2, held_until = $2, lease_until = null
            where id = $1 and status in ('PENDING', 'SENDING')""";
    private static final String DELIVERED = """
            update outbound_work set status = 'DELIVERED', done_at = $2, receipt = $3, lease_until = null,
                last_error = null
            where id = $1 and status = 'SENDING'""";
    private static final String RETRY = """
            update outbound_work set status = 'PENDING', attempts = $2, next_attempt_at = $3, last_error = $4,
                lease_until = null
            where id = $1 and status = 'SENDING'""";
    private static final String DROP = """
            update outbound_work set status = 'DROPPED', closed_as = $2, last_error = $3, done_at = $4,
                lease_until = null
            where id = $1 and status in ('PENDING', 'SENDING')""";
    private static final String EXPIRED = "update outbound_work set status = 'EXPIRED',"
            + " last_error = 'expired before it could be done', done_at = $1, lease_until = null";
    private static final String EXPIRE_UNTRIED = EXPIRED + " where status = 'PENDING' and attempts = 0 and expires_at <= $1";
    private static final String EXPIRE = EXPIRED + " where id = $2 and status in ('PENDING', 'SENDING')";
    private static final String DEAD = """
            with dead as (
                update outbound_work set status = 'DEAD', attempts = $3, last_error = left($4, 1000), done_at = $5,
                    lease_until = null
                where id = $1 and status in ('PENDING', 'SENDING') returning id, garage_id, kind)
            insert into outbound_dead_letter (id, garage_id, work_id, kind, reason, attempts, dead_at)
            select $2, garage_id, id, kind, left($4, 1000), $3, $5 from dead""";

    private WorkUpdates() {
    }

    static Uni<Void> lease(SqlClient sql, long id, Instant until) {
        return run(sql, LEASE, Tuple.of(id, SqlTime.at(until)));
    }

    static Uni<Void> waitUntil(SqlClient sql, long id, Instant until) {
        return run(sql, WAIT, Tuple.of(id, SqlTime.at(until)));
    }

    static Uni<Void> delivered(SqlClient sql, long id, String receipt, Instant at) {
        return run(sql, DELIVERED, Tuple.of(id, SqlTime.at(at), receipt));
    }

    static Uni<Void> retry(SqlClient sql, long id, int attempts, Instant next, String reason) {
        return run(sql, RETRY, Tuple.of(id, attempts, SqlTime.at(next), reason));
    }

    static Uni<Void> drop(SqlClient sql, long id, String closedAs, String reason, Instant at) {
        return run(sql, DROP, Tuple.of(id, closedAs, reason, SqlTime.at(at)));
    }

    static Uni<Void> expireUntried(SqlClient sql, Instant now) {
        return run(sql, EXPIRE_UNTRIED, Tuple.of(SqlTime.at(now)));
    }

    static Uni<Void> expire(SqlClient sql, long id, Instant now) {
        return run(sql, EXPIRE, Tuple.of(SqlTime.at(now), id));
    }

    static Uni<Void> dead(SqlClient sql, long id, int attempts, String reason, Instant at) {
        return run(sql, DEAD, Tuple.of(id, UUID.randomUUID(), attempts, reason, SqlTime.at(at)));
    }

    private static Uni<Void> run(SqlClient sql, String statement, Tuple parameters) {
        return sql.preparedQuery(statement).execute(parameters).replaceWithVoid();
    }
}
