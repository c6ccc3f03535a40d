package com.garage.mobile.platform.live;

import com.garage.mobile.domain.time.GarageClock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.event.JobEventMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads job events back from PostgreSQL: to fill a gap in the stream, and to replay a reconnect. */
@ApplicationScoped
public class JobEventHistory {

    private static final String OF_JOB = "select " + JobEventMessage.COLUMNS
            + " from job_event where job_id = $1 and seq > $2 and seq < $3 order by seq";
    private static final String LAST_PUBLISHED_BEFORE = "select coalesce(max(seq), 0) as seq from job_event"
            + " where job_id = $1 and seq < $2 and published_at < $3";
    private static final String POSITION = "select " + JobEventMessage.COLUMNS
            + ", published_at from job_event where id = $1";
    /**
     * After the client's last event ($2): everything later, plus earlier events of other jobs that
     * were not yet in the stream when it was (never published, or published after it).
     */
    private static final String MISSED = "select " + JobEventMessage.COLUMNS + """
             from job_event where garage_id = $1 and (%s)
              and (id > $2
                   or (id < $2 and job_id <> $3 and published_at is null)
                   or (id < $2 and id > $2 - $4 and job_id <> $3 and published_at > $5))
            order by id limit $6""";
    private static final String FOR_CUSTOMER = MISSED.formatted("customer_id = $7 and customer_visible");
    private static final String FOR_TECHNICIAN = MISSED.formatted("$7 = any(technician_ids)");
    private static final String FOR_GARAGE = MISSED.formatted("garage_id = $7");

    private final Pool pool;
    private final LiveConfig config;
    private final GarageClock clock;

    public JobEventHistory(Pool pool, LiveConfig config, GarageClock clock) {
        this.clock = clock;
        this.pool = pool;
        this.config = config;
    }

    /** The events of a job strictly between two sequence numbers, in order. */
    public Uni<List<JobEventMessage>> between(UUID jobId, int afterSeq, int beforeSeq) {
        return pool.preparedQuery(OF_JOB).execute(Tuple.of(jobId, afterSeq, beforeSeq)).map(JobEventHistory::messages);
    }

    /** The last event of a job below {@code beforeSeq} that went on the stream before {@code instant}; 0 if none. */
    Uni<Integer> lastSeqPublishedBefore(UUID jobId, int beforeSeq, Instant instant) {
        return pool.preparedQuery(LAST_PUBLISHED_BEFORE)
                .execute(Tuple.of(jobId, beforeSeq, instant.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getInteger("seq"));
    }

    /** What the actor missed since the event they saw last, or why they must resync instead. */
    Uni<Replay> missedBy(Actor actor, long lastEventId) {
        return pool.preparedQuery(POSITION).execute(Tuple.of(lastEventId)).chain(rows -> {
            if (rows.size() == 0) {
                return resync("unknown-event", "Event " + lastEventId + " is not one of yours.");
            }
            Row row = rows.iterator().next();
            JobEventMessage last = JobEventMessage.of(row);
            if (!last.visibleTo(actor)) {
                return resync("unknown-event", "Event " + lastEventId + " is not one of yours.");
            }
            if (last.occurredAt().isBefore(clock.now().minus(config.replayWindow()))) {
                return resync("too-old", "Event " + lastEventId + " is older than the replay window.");
            }
            return missedAfter(actor, last, row.getOffsetDateTime("published_at"));
        });
    }

    private Uni<Replay> missedAfter(Actor actor, JobEventMessage last, OffsetDateTime lastPublishedAt) {
        Tuple params = Tuple.tuple(List.of(actor.garageId(), last.id(), last.jobId(), (long) config.replayLookback(),
                lastPublishedAt != null ? lastPublishedAt : OffsetDateTime.now(ZoneOffset.UTC),
                config.replayLimit() + 1, audienceOf(actor)));
        return pool.preparedQuery(missedQuery(actor)).execute(params).map(rows -> {
            if (rows.size() > config.replayLimit()) {
                return new Replay.Resync("too-many-missed",
                        "More than " + config.replayLimit() + " events were missed.");
            }
            return new Replay.Missed(messages(rows));
        });
    }

    private static String missedQuery(Actor actor) {
        return switch (actor.role()) {
            case CUSTOMER -> FOR_CUSTOMER;
            case TECHNICIAN -> FOR_TECHNICIAN;
            case ADVISOR, ADMIN -> FOR_GARAGE;
            case SYSTEM -> throw new IllegalArgumentException("The garage's system holds no live session.");
        };
    }

    /** The value the audience clause of {@link #missedQuery} compares with. */
    private static UUID audienceOf(Actor actor) {
        return actor.seesWholeGarage() ? actor.garageId() : actor.personId();
    }

    private static Uni<Replay> resync(String reason, String detail) {
        return Uni.createFrom().item(new Replay.Resync(reason, detail));
    }

    private static List<JobEventMessage> messages(RowSet<Row> rows) {
        List<JobEventMessage> events = new ArrayList<>(rows.size());
        rows.forEach(row -> events.add(JobEventMessage.of(row)));
        return events;
    }
}
