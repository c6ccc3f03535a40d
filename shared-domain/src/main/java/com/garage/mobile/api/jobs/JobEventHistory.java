package com.garage.mobile.api.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.platform.events.JobEventStream;
import com.garage.mobile.platform.events.StoredEvent;
import com.garage.mobile.platform.live.AudienceQueries;
import com.garage.mobile.platform.live.LiveHistory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads job events back from PostgreSQL: to fill a gap in the stream, and to replay a reconnect. */
@ApplicationScoped
public class JobEventHistory implements LiveHistory<JobEventMessage> {

    private static final String OF_JOB = "select " + JobEventMessage.COLUMNS
            + " from job_event where job_id = $1 and seq > $2 and seq < $3 order by seq";
    private static final String LAST_PUBLISHED_BEFORE = "select coalesce(max(seq), 0) as seq from job_event"
            + " where job_id = $1 and seq < $2 and published_at < $3";
    /**
     * After the client's last event ($2): everything later, plus earlier events of other jobs than
     * its own ($3, null when that event is of another topic) that were not yet in the stream when it
     * was (never published, or published after it; $5, null when it is not yet published either).
     */
    private static final String MISSED = "select " + JobEventMessage.COLUMNS + """
             from job_event where garage_id = $1 and (%s)
              and (id > $2
                   or (id < $2 and job_id is distinct from $3 and published_at is null)
                   or (id < $2 and id > $2 - $4 and job_id is distinct from $3
                       and published_at > coalesce($5, now())))
            order by id limit $6""";
    private static final AudienceQueries QUERIES = new AudienceQueries(
            MISSED.formatted("customer_id = $7 and customer_visible"),
            MISSED.formatted("$7 = any(technician_ids)"),
            MISSED.formatted("garage_id = $7"));

    private final Pool pool;
    private final JobEventStream stream;

    public JobEventHistory(Pool pool, JobEventStream stream) {
        this.pool = pool;
        this.stream = stream;
    }

    @Override
    public Uni<List<JobEventMessage>> between(Object jobId, long afterSeq, long beforeSeq) {
        return pool.preparedQuery(OF_JOB).execute(Tuple.of(jobId, (int) afterSeq, (int) beforeSeq))
                .map(stream::events);
    }

    @Override
    public Uni<Long> lastSeqPublishedBefore(Object jobId, long beforeSeq, Instant instant) {
        return pool.preparedQuery(LAST_PUBLISHED_BEFORE)
                .execute(Tuple.of(jobId, (int) beforeSeq, instant.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getInteger("seq").longValue());
    }

    @Override
    public Uni<Optional<StoredEvent<JobEventMessage>>> find(long eventId) {
        return stream.find(eventId);
    }

    @Override
    public Uni<List<JobEventMessage>> missedBy(Actor actor, ResumePoint from, int limit) {
        Tuple params = Tuple.tuple().addValue(actor.garageId()).addValue(from.eventId()).addValue(from.line())
                .addValue((long) from.lookback())
                .addValue(from.publishedAt() != null ? from.publishedAt().atOffset(ZoneOffset.UTC) : null)
                .addValue(limit).addValue(AudienceQueries.audienceOf(actor));
        return pool.preparedQuery(QUERIES.forActor(actor)).execute(params).map(stream::events);
    }
}
