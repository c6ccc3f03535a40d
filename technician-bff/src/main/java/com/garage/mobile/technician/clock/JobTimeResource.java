package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.clock.OverrunWatch;
import com.garage.mobile.domain.clock.TimeEntry;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A job's time read back: its totals beside the labour estimate, and its entries. */
@Path("/api/v1/jobs/{id}/time")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time on job")
public class JobTimeResource {

    private final CurrentActor actor;
    private final JobCardRepository jobs;
    private final GarageClock clock;

    public JobTimeResource(CurrentActor actor, JobCardRepository jobs, GarageClock clock) {
        this.actor = actor;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @WithSession
    @Operation(operationId = "getJobTime", summary = "A job's time on job",
            description = "Worked and paused minutes, whole and per step, beside the labour estimate (LABOUR lines not"
                    + " declined), with every entry; running entries count up to now.")
    public Uni<JobTimeView> job(@PathParam("id") UUID jobId) {
        Actor viewer = actor.get();
        Instant now = clock.now();
        return jobs.requireInGarage(viewer.garageId(), jobId)
                .chain(job -> OverrunWatch.time(job.id, now))
                .chain(totals -> TimeEntry.<TimeEntry>list("jobId = ?1 order by startedAt, id", jobId)
                        .map(entries -> new JobTimeView(totals, entries.stream().map(TimeEntryView::of).toList())));
    }
}
