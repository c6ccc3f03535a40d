package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to a job's timeline inside the caller's transaction, with who may receive each:
 * the job's customer and the technicians assigned at that moment.
 */
@ApplicationScoped
public class JobEventLog {

    // An update and a query rather than one native select (update … returning): Hibernate Reactive makes a
    // new plan on every run of a native select (docs/performance.md, seventeenth step).
    private static final String NEXT_SEQ = "update job_card set last_event_seq = last_event_seq + 1 where id = :id";

    public Uni<JobEvent> append(JobCard job, JobEventType type, Map<String, Object> payload, Actor actor,
            Instant at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT_SEQ).setParameter("id", job.id).executeUpdate()
                        .chain(() -> session.createSelectionQuery("select lastEventSeq from JobCard where id = :id",
                                Integer.class).setParameter("id", job.id).getSingleResult()))
                .chain(seq -> JobAssignment.<JobAssignment>list("jobId = ?1 order by technicianId", job.id)
                        .map(assigned -> {
                            JobEvent event = new JobEvent();
                            event.garageId = job.garageId;
                            event.jobId = job.id;
                            event.seq = seq;
                            event.type = type.wireName();
                            event.customerVisible = type.customerVisible();
                            event.payload = payload;
                            event.actorSubject = actor.subject();
                            event.actorRole = actor.role().claimValue();
                            event.occurredAt = at;
                            event.customerId = job.customerId;
                            event.technicianIds = assigned.stream().map(a -> a.technicianId).toArray(UUID[]::new);
                            return event;
                        }))
                .call(event -> event.persist());
    }
}
