package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.domain.parts.PartRequest;
import com.garage.mobile.domain.parts.PartRequestService;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Requests for parts the shelf lacks: asked for from the bay, moved on by the advisor. */
@Path("/api/v1/jobs/{id}/part-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parts")
public class PartRequestsResource {

    private final CurrentActor actor;
    private final PartRequestService requests;
    private final JobCardRepository jobs;
    private final JobStatusService statuses;
    private final JobEventPublisher stream;

    public PartRequestsResource(CurrentActor actor, PartRequestService requests, JobCardRepository jobs,
            JobStatusService statuses, JobEventPublisher stream) {
        this.actor = actor;
        this.requests = requests;
        this.jobs = jobs;
        this.statuses = statuses;
        this.stream = stream;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @WithSession
    @Operation(operationId = "listPartRequests", summary = "A job's part requests",
            description = "Every request for a missing part on the job, oldest first.")
    public Uni<List<PartRequestView>> list(@PathParam("id") UUID jobId) {
        Actor viewer = actor.get();
        return jobs.requireInGarage(viewer.garageId(), jobId)
                .chain(job -> PartRequest.<PartRequest>list("jobId = ?1 order by createdAt, id", job.id))
                .map(found -> found.stream().map(PartRequestView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = PartRequestService.CREATE, resource = "part-request")
    @Operation(operationId = "requestPart", summary = "Ask for a part the shelf lacks",
            description = "A request for the advisor, who sees it live (`job.part-requested`). With `awaitParts` the job"
                    + " then moves to AWAITING_PARTS through the usual status rules, when its state allows.")
    public Uni<PartRequestView> request(@PathParam("id") UUID jobId, @Valid @NotNull NewPartRequest request) {
        Actor who = actor.get();
        return answer(requests.request(who, request.requestId(), jobId, request.wanted()))
                .call(created -> request.waitsForParts() ? awaitParts(who, jobId) : Uni.createFrom().voidItem());
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.JOB_ASSIGN)
    @AuditedAs(action = PartRequestService.CHANGE, resource = "part-request")
    @Operation(operationId = "changePartRequestStatus", summary = "Mark a part request ordered, received or cancelled",
            description = "Advisors and admins move a request on from the version they saw (stale: 409 stale-version).")
    public Uni<PartRequestView> changeStatus(@PathParam("id") UUID jobId,
            @Valid @NotNull PartRequestStatusChange change) {
        Actor who = actor.get();
        return answer(requests.changeStatus(who, jobId, change.requestId(), change.status(), change.baseVersion()));
    }

    /** The job waits for parts, if its lifecycle allows that move now; otherwise it stays as it is. */
    private Uni<Void> awaitParts(Actor who, UUID jobId) {
        return Panache.withSession(() -> jobs.requireInGarage(who.garageId(), jobId))
                .chain(job -> JobStatusService.allowedTargets(who, job.status).contains(JobStatus.AWAITING_PARTS)
                        ? statuses.changeStatus(who, jobId, JobStatus.AWAITING_PARTS, job.version).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    private Uni<PartRequestView> answer(Uni<Changed<PartRequest>> change) {
        return change.call(done -> stream.publish(done.events())).map(done -> PartRequestView.of(done.row()));
    }
}
