package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.notification.SqlTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/** The state changes of an outbox row, each guarded so that only its current claimer moves it. */
final class OutboxUpdates {

    private static final String SENDING = """
            update notification_outbox set status = 'SENDING', lease_until = $2 where id = $1""";
    private static final String WAIT = """
            update notification_outbox set status = 'PENDING', next_attempt_at = $2, lease_until = null,
                held_until = case when $3 then $2 else held_until end
            where id = $1""";
    private static final String CLOSE = """
            update notification_outbox set status = $2, last_error = $3, lease_until = null
            where id = $1 and status in ('PENDING', 'SENDING')""";
    private static final String SENT = """
            update notification_outbox set status = 'SENT', sent_at = $2, provider_message_id = $3,
                lease_until = null, last_error = null
            where id = $1 and status = 'SENDING'""";
    private static final String RETRY = """
            update notification_outbox set status = 'PENDING', attempts = attempts + 1, next_attempt_at = $2,
                last_error = $3, lease_until = null
            where id = $1 and status = 'SENDING'""";
    private static final String DEAD = """
            with dead as (
                update notification_outbox set status = 'DEAD', attempts = $3, last_error = $4, lease_until = null
                where id = $1 and status in ('PENDING', 'SENDING') returning id, garage_id)
            insert into notification_dead_letter (id, garage_id, outbox_id, reason, attempts, dead_at)
            select $2, garage_id, id, $4, $3, $5 from dead""";
    private static final String DEACTIVATE_DEVICE = """
            update push_device set active = false, deactivated_at = $3, deactivation_reason = 'PROVIDER_REJECTED',
                updated_at = $3, version = version + 1
            where id = $1 and token = $2 and active""";

    private OutboxUpdates() {
    }

    static Uni<Void> sending(SqlClient sql, long id, Instant leaseUntil) {
        return run(sql, SENDING, Tuple.of(id, SqlTime.at(leaseUntil)));
    }

    static Uni<Void> waitUntil(SqlClient sql, long id, Instant until, boolean quietHours) {
        return run(sql, WAIT, Tuple.of(id, SqlTime.at(until), quietHours));
    }

    static Uni<Void> close(SqlClient sql, long id, String status, String reason) {
        return run(sql, CLOSE, Tuple.of(id, status, reason));
    }

    static Uni<Void> sent(SqlClient sql, long id, Instant at, String providerMessageId) {
        return run(sql, SENT, Tuple.of(id, SqlTime.at(at), providerMessageId));
    }

    static Uni<Void> retry(SqlClient sql, long id, Instant next, String error) {
        return run(sql, RETRY, Tuple.of(id, SqlTime.at(next), error));
    }

    static Uni<Void> dead(SqlClient sql, long id, int attempts, String reason, Instant at) {
        return run(sql, DEAD, Tuple.of(id, UUID.randomUUID(), attempts, reason, SqlTime.at(at)));
    }

    /** Only while the device still holds the token we sent to: a refresh since then is kept. */
    static Uni<Void> deactivateDevice(SqlClient sql, UUID deviceId, String token, Instant at) {
        return run(sql, DEACTIVATE_DEVICE, Tuple.of(deviceId, token, SqlTime.at(at)));
    }

    private static Uni<Void> run(SqlClient sql, String statement, Tuple parameters) {
        return sql.preparedQuery(statement).execute(parameters).replaceWithVoid();
    }
}
