package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditEntry;
import com.garage.mobile.domain.audit.AuditInsert;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobStatusService.StatusChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of one status change, in two SQL client statements, each its own transaction: one reads
 * what the change decides on (the job's status, version and who is on it); one writes what was decided — the job,
 * its next event (with the technicians read as its audience) and the audit entry — only if the job is still at the
 * version read. Every change of a job or of who is on it moves its version, so a change that raced with another
 * writes nothing and is refused as stale, as one sent from an old version is. No ORM session and no transaction held
 * open across round trips: the change is the busiest write.
 */
final class JobStatusRows {

    private static final String READ = """
            select j.number, j.status, j.version, j.customer_id,
                coalesce((select array_agg(a.technician_id order by a.technician_id)
                    from job_assignment a where a.job_id = j.id), '{}') as technicians
            from job_card j
            where j.id = $1 and j.garage_id = $2""";

    private static final String WRITE = """
            with job as (
                update job_card set status = $2, updated_at = cast($3 as timestamptz), version = version + 1,
                    closed_at = case when $4 then cast($3 as timestamptz) end, last_event_seq = last_event_seq + 1
                where id = $1 and version = $11
                returning garage_id, id, customer_id, version, last_event_seq),
            event as (
                insert into job_event (garage_id, job_id, seq, type, customer_visible, payload, actor_subject,
                    actor_role, occurred_at, customer_id, technician_ids)
                select garage_id, id, last_event_seq, cast($5 as text), cast($6 as boolean), cast($7 as jsonb),
                    cast($8 as text), cast($9 as text), cast($3 as timestamptz), customer_id, cast($10 as uuid[])
                from job
                returning id, seq),
            %s
            select event.id, event.seq, job.version from event, job""".formatted(
                    AuditInsert.cte(12, "exists (select from job)"));

    private JobStatusRows() {
    }

    /** The job of the actor's garage as it is now; null if there is none. */
    static Uni<ReadJob> read(SqlClient client, Actor actor, UUID jobId) {
        return client.preparedQuery(READ).execute(Tuple.of(jobId, actor.garageId()))
                .map(rows -> rows.size() == 0 ? null : read(jobId, actor.garageId(), rows.iterator().next()));
    }

    /**
     * Writes the new status, its event and the audit entry if the job is still at the version read; answers the event
     * as it travels once committed, or null, with nothing written, if the job has moved on since.
     */
    static Uni<StatusChanged> write(SqlClient client, ReadJob read, JobStatus target, Map<String, Object> change,
            AuditEntry audit) {
        JobCard job = read.job();
        JobEventType type = JobEventType.STATUS_CHANGED;
        Tuple values = Tuple.of(job.id, target.name(), audit.occurredAt.atOffset(ZoneOffset.UTC), target.isFinished())
                .addString(type.wireName()).addBoolean(type.customerVisible()).addValue(new JsonObject(change))
                .addString(audit.actorSubject).addString(audit.actorRole)
                .addArrayOfUUID(read.technicians().toArray(UUID[]::new)).addLong(job.version);
        return client.preparedQuery(WRITE).execute(AuditInsert.addTo(values, audit)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new StatusChanged(new JobEventMessage(row.getLong(0), job.garageId, job.id, row.getInteger(1),
                    type.wireName(), type.customerVisible(), change, audit.actorRole, audit.occurredAt,
                    job.customerId, read.technicians()), row.getLong(2));
        });
    }

    /** The job as read, and the technicians on it then, by id. */
    record ReadJob(JobCard job, List<UUID> technicians) {

        boolean assigned(UUID personId) {
            return technicians.contains(personId);
        }
    }

    private static ReadJob read(UUID id, UUID garageId, Row row) {
        JobCard job = new JobCard();
        job.id = id;
        job.garageId = garageId;
        job.number = row.getInteger(0);
        job.status = JobStatus.valueOf(row.getString(1));
        job.version = row.getLong(2);
        job.customerId = row.getUUID(3);
        return new ReadJob(job, Arrays.asList(row.getArrayOfUUIDs(4)));
    }
}
