package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditEntry;
import com.garage.mobile.domain.audit.AuditInsert;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobStatusService.StatusChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The rows of one status change, in two statements of the change's transaction, as {@code MessageSendRows} does
 * for a chat message: one locks the job and reads what the change decides on (its status, version and who is on
 * it), one writes what was decided — the job, its next event (with the technicians read under the lock as its
 * audience) and the audit entry. The job is not loaded as an entity: no dirty check or flush per change.
 */
@ApplicationScoped
class JobStatusRows {

    private static final String LOCK = """
            select j.number, j.status, j.version, cast(j.customer_id as text),
                coalesce((select string_agg(cast(a.technician_id as text), ',' order by a.technician_id)
                    from job_assignment a where a.job_id = j.id), '')
            from job_card j
            where j.id = :job and j.garage_id = :garage
            for update of j""";

    // A text parameter cast to jsonb directly is bound by the reactive driver as a JSON string: cast through text.
    private static final String WRITE = """
            with job as (
                update job_card set status = :status, updated_at = :at, version = version + 1,
                    closed_at = case when cast(:finished as boolean) then cast(:at as timestamptz) end,
                    last_event_seq = last_event_seq + 1
                where id = :job
                returning garage_id, id, customer_id, version, last_event_seq),
            event as (
                insert into job_event (garage_id, job_id, seq, type, customer_visible, payload, actor_subject,
                    actor_role, occurred_at, customer_id, technician_ids)
                select garage_id, id, last_event_seq, :type, :customerVisible, cast(cast(:payload as text) as jsonb),
                    :subject, :role, :at, customer_id,
                    cast(string_to_array(cast(:technicians as text), ',') as uuid[])
                from job
                returning id, seq),
            %s
            select event.id, event.seq, job.version from event, job""".formatted(AuditInsert.CTE);

    /** The job of the actor's garage, locked for the rest of the transaction; null if there is none. */
    Uni<LockedJob> lock(Actor actor, UUID jobId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK, Object[].class)
                        .setParameter("job", jobId).setParameter("garage", actor.garageId()).getResultList())
                .map(rows -> rows.isEmpty() ? null : locked(jobId, actor.garageId(), rows.getFirst()));
    }

    /** Writes the new status, its event and the audit entry; answers the event as it travels once committed. */
    Uni<StatusChanged> write(LockedJob locked, JobStatus target, Map<String, Object> change, AuditEntry audit) {
        JobCard job = locked.job();
        JobEventType type = JobEventType.STATUS_CHANGED;
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(WRITE, Object[].class)
                    .setParameter("job", job.id).setParameter("status", target.name())
                    .setParameter("finished", target.isFinished()).setParameter("at", audit.occurredAt)
                    .setParameter("type", type.wireName()).setParameter("customerVisible", type.customerVisible())
                    .setParameter("payload", new JsonObject(change).encode())
                    .setParameter("technicians", String.join(",", locked.technicians().stream()
                            .map(UUID::toString).toList()))
                    .setParameter("subject", audit.actorSubject).setParameter("role", audit.actorRole);
            AuditInsert.bind(query, audit);
            return query.getSingleResult();
        })
                .map(row -> new StatusChanged(new JobEventMessage(((Number) row[0]).longValue(), job.garageId,
                        job.id, ((Number) row[1]).intValue(), type.wireName(), type.customerVisible(), change,
                        audit.actorRole, audit.occurredAt, job.customerId, locked.technicians()),
                        ((Number) row[2]).longValue()));
    }

    /** The job as the lock read it, and the technicians on it then, by id. */
    record LockedJob(JobCard job, List<UUID> technicians) {

        boolean assigned(UUID personId) {
            return technicians.contains(personId);
        }
    }

    private static LockedJob locked(UUID id, UUID garageId, Object[] row) {
        JobCard job = new JobCard();
        job.id = id;
        job.garageId = garageId;
        job.number = ((Number) row[0]).intValue();
        job.status = JobStatus.valueOf((String) row[1]);
        job.version = ((Number) row[2]).longValue();
        job.customerId = UUID.fromString((String) row[3]);
        String technicians = (String) row[4];
        return new LockedJob(job, technicians.isEmpty() ? List.of()
                : Arrays.stream(technicians.split(",")).map(UUID::fromString).toList());
    }
}
