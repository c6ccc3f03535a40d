package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.events.LocalCommitListener;
import com.garage.mobile.platform.outbox.NewWork;
import com.garage.mobile.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * When work starts on a job (it moves to in progress), its held deposits are captured: one capture
 * per payment is enqueued ({@link PaymentCaptureHandler}); the reconciliation pass enqueues any a
 * crash missed, and the outbox's key keeps a second enqueue from doing anything.
 */
@ApplicationScoped
public class CaptureOnWorkStart implements LocalCommitListener {

    private static final String HELD = """
            select id, garage_id, provider, capture_before from payment where job_id = any($1) and status = 'HELD'""";

    private final Pool pool;
    private final Outbox outbox;
    private final GarageClock clock;

    public CaptureOnWorkStart(Pool pool, Outbox outbox, GarageClock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Uni<Void> committed(List<JobEventMessage> events) {
        List<UUID> started = events.stream()
                .filter(e -> e.type().equals(JobEventType.STATUS_CHANGED.wireName()))
                .filter(e -> JobStatus.IN_PROGRESS.name().equals(e.payload().get("to")))
                .map(JobEventMessage::jobId).distinct().toList();
        if (started.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Most jobs hold no deposit: one read, and a transaction only when there is something to enqueue.
        return pool.preparedQuery(HELD).execute(Tuple.of(started.toArray(UUID[]::new)))
                .chain(rows -> {
                    List<Row> held = new ArrayList<>();
                    rows.forEach(held::add);
                    return held.isEmpty() ? Uni.createFrom().voidItem()
                            : pool.withTransaction(connection -> enqueue(connection, held, outbox, clock.now()));
                });
    }

    /** Enqueues the capture of each held payment (rows with id, garage_id, provider, capture_before). */
    static Uni<Void> enqueue(SqlConnection connection, List<Row> held, Outbox outbox, Instant now) {
        return outbox.enqueue(connection, held.stream().map(row -> {
            Instant lapses = row.getOffsetDateTime("capture_before") != null
                    ? row.getOffsetDateTime("capture_before").toInstant() : now.plusSeconds(86_400);
            return new NewWork(PaymentCaptureHandler.KIND, row.getUUID("garage_id"),
                    "payment:" + row.getUUID("id") + ":capture", row.getString("provider"),
                    new JsonObject().put("paymentId", row.getUUID("id").toString()), now,
                    lapses.isAfter(now) ? lapses : now.plusSeconds(3_600));
        }).toList());
    }
}
