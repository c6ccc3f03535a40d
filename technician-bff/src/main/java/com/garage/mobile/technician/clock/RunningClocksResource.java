package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.clock.JobTime;
import com.garage.mobile.domain.clock.JobTimes;
import com.garage.mobile.domain.clock.OverrunWatch;
import com.garage.mobile.domain.clock.TimeEntry;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The advisors' board of clocks: who is clocked on which job now. */
@Path("/api/v1/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time on job")
public class RunningClocksResource {

    private final CurrentActor actor;
    private final JobTimes times;
    private final GarageClock clock;

    public RunningClocksResource(CurrentActor actor, JobTimes times, GarageClock clock) {
        this.actor = actor;
        this.times = times;
        this.clock = clock;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_BOARD_READ)
    @WithSession
    @Operation(operationId = "listRunningClocks", summary = "Running clocks",
            description = "Who is clocked on which job now, with each job's time so far: the advisors' board. Live"
                    + " changes arrive on the job topic as `job.clock-started` and `job.clock-stopped`.")
    public Uni<List<RunningClockView>> running() {
        Actor viewer = actor.get();
        Instant now = clock.now();
        return times.running(viewer.garageId())
                .chain(entries -> Multi.createFrom().iterable(entries)
                        .onItem().transformToUniAndConcatenate(entry -> view(entry, now)).collect().asList());
    }

    private Uni<RunningClockView> view(TimeEntry entry, Instant now) {
        return JobCard.<JobCard>findById(entry.jobId).chain(job -> Staff.<Staff>findById(entry.technicianId)
                .chain(technician -> OverrunWatch.time(entry.jobId, now).map(time -> running(entry, technician, job,
                        time))));
    }

    private static RunningClockView running(TimeEntry entry, Staff technician, JobCard job, JobTime time) {
        return new RunningClockView(TimeEntryView.of(entry), technician.displayName, job.number, time);
    }
}
