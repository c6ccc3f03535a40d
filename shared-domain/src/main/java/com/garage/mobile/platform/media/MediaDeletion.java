package com.garage.mobile.platform.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.NewWork;
import com.garage.mobile.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deletes a media for the garage's staff: the row is kept, marked deleted (who, when), and the
 * bytes' removal is enqueued in the same transaction as outbound work, so it happens exactly when
 * the deletion committed and is retried while the store is down ({@link MediaObjectRemoval}).
 */
@ApplicationScoped
public class MediaDeletion {

    public static final String ACTION = "media.delete";
    private static final Duration REMOVAL_TTL = Duration.ofDays(7);

    private final Pool pool;
    private final JobCardRepository jobs;
    private final JobAccess access;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final GarageClock clock;

    public MediaDeletion(Pool pool, JobCardRepository jobs, JobAccess access, AuditTrail audit, Outbox outbox,
            GarageClock clock) {
        this.pool = pool;
        this.jobs = jobs;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> delete(Actor actor, UUID jobId, UUID mediaId) {
        return Panache.withSession(() -> jobs.requireInGarage(actor.garageId(), jobId)
                .call(job -> access.requireMayEdit(actor, job)))
                .chain(() -> pool.withTransaction(connection -> remove(connection, actor, jobId, mediaId)));
    }

    private Uni<Void> remove(SqlConnection connection, Actor actor, UUID jobId, UUID mediaId) {
        Instant now = clock.now();
        return connection.preparedQuery("""
                update media set deleted_at = $4, deleted_by = $5, updated_at = $4, version = version + 1
                where garage_id = $1 and job_id = $2 and id = $3 and deleted_at is null and status <> 'UPLOADING'
                returning id, object_key, thumbnail_key""")
                .execute(Tuple.of(actor.garageId(), jobId, mediaId, now.atOffset(ZoneOffset.UTC), actor.personId()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Media"));
                    }
                    Row row = rows.iterator().next();
                    JsonArray keys = new JsonArray().add(row.getString("object_key"));
                    if (row.getString("thumbnail_key") != null) {
                        keys.add(row.getString("thumbnail_key"));
                    }
                    return outbox.enqueue(connection, List.of(new NewWork(MediaObjectRemoval.KIND,
                            actor.garageId(), "media:" + mediaId + ":remove", null, new JsonObject().put("keys", keys),
                            now, now.plus(REMOVAL_TTL))));
                })
                .chain(() -> audit.record(connection, actor, ACTION, "media", mediaId, AuditOutcome.SUCCESS,
                        Map.of("jobId", jobId.toString()), now));
    }
}
