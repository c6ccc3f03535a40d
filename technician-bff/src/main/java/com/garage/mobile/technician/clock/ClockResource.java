package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.clock.ClockChange;
import com.garage.mobile.domain.clock.ClockService;
import com.garage.mobile.domain.clock.TimeEntryWriter;
import com.garage.mobile.domain.clock.TimeOverlapException;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A technician's clock with a signal: on a job, pause, resume, off, by the server's time. */
@Path("/api/v1/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time on job", description = "Clock on and off jobs, pause and resume; job totals; running clocks")
public class ClockResource {

    private final CurrentActor actor;
    private final ClockService clocks;
    private final JobEventPublisher stream;

    public ClockResource(CurrentActor actor, ClockService clocks, JobEventPublisher stream) {
        this.actor = actor;
        this.clocks = clocks;
        this.stream = stream;
    }

    @GET
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @WithSession
    @Operation(operationId = "getMyClock", summary = "My running clock",
            description = "The caller's running entry (work or pause), or `running: null`, and the reasons a pause"
                    + " may give.")
    public Uni<CurrentClockView> mine() {
        return clocks.running(actor.get()).map(running -> CurrentClockView.of(TimeEntryView.of(running)));
    }

    @POST
    @Path("/on")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = TimeEntryWriter.START, resource = "time-entry")
    @Operation(operationId = "clockOn", summary = "Clock on a job",
            description = "Starts work on a job (or a step of it) under the entry id the app chose. A clock running"
                    + " elsewhere is stopped now and returned as `stopped`. The same entry id again answers the entry"
                    + " and changes nothing.")
    public Uni<ClockAnswer> clockOn(@Valid @NotNull ClockOnRequest request) {
        Actor who = actor.get();
        return answer(clocks.clockOn(who, request.entryId(), request.jobId(), request.stepId()));
    }

    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = TimeEntryWriter.START, resource = "time-entry")
    @Operation(operationId = "pauseClock", summary = "Pause the running work",
            description = "Stops the running work entry and starts a pause with a reason on the same job and step."
                    + " Without running work: 409 invalid-transition.")
    public Uni<ClockAnswer> pause(@Valid @NotNull PauseRequest request) {
        return answer(clocks.pause(actor.get(), request.entryId(), request.reason()));
    }

    @POST
    @Path("/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = TimeEntryWriter.START, resource = "time-entry")
    @Operation(operationId = "resumeClock", summary = "Resume after a pause",
            description = "Ends the running pause and starts work again on its job and step. Without a running pause:"
                    + " 409 invalid-transition.")
    public Uni<ClockAnswer> resume(@Valid @NotNull ResumeRequest request) {
        return answer(clocks.resume(actor.get(), request.entryId()));
    }

    @POST
    @Path("/off")
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = TimeEntryWriter.STOP, resource = "time-entry")
    @Operation(operationId = "clockOff", summary = "Clock off",
            description = "Stops the caller's running clock (work or pause) now. Without one: 409 invalid-transition.")
    public Uni<ClockAnswer> off() {
        return answer(clocks.clockOff(actor.get()));
    }

    /** An overlap names the clashing entry in the app's form. */
    static Throwable showingClash(Throwable overlap) {
        return overlap instanceof TimeOverlapException clash ? clash.showing(TimeEntryView::of) : overlap;
    }

    private Uni<ClockAnswer> answer(Uni<ClockChange> change) {
        return change.onFailure(TimeOverlapException.class).transform(ClockResource::showingClash)
                .call(done -> stream.publish(done.events()))
                .map(ClockAnswer::of);
    }
}
