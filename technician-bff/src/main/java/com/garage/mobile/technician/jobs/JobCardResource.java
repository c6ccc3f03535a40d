package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.clock.JobTimes;
import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobCardQueries;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.BaseVersion;
import com.garage.mobile.platform.web.ReturnPreference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One job card: read it, move it through its lifecycle, put technicians on it. */
@Path("/api/v1/jobs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Job cards", description = "One job of the garage: read it, move it through its lifecycle, staff it")
public class JobCardResource {

    private final CurrentActor actor;
    private final JobCardQueries queries;
    private final JobStatusService statuses;
    private final JobAssignmentService assignments;
    private final JobTimes times;
    private final GarageClock clock;

    public JobCardResource(CurrentActor actor, JobCardQueries queries, JobStatusService statuses,
            JobAssignmentService assignments, JobTimes times, GarageClock clock) {
        this.times = times;
        this.clock = clock;
        this.actor = actor;
        this.queries = queries;
        this.statuses = statuses;
        this.assignments = assignments;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @Operation(operationId = "getJobCard", summary = "Get a job card",
            description = "A job of the caller's garage: steps, estimate, notes and the moves the caller may make,"
                    + " with its version as the `ETag`.")
    @APIResponseSchema(JobCardView.class)
    public Uni<Response> get(@PathParam("id") UUID id) {
        Actor viewer = actor.get();
        return view(viewer, id).map(view -> withVersion(Response.ok(view), view).build());
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = JobStatusService.ACTION, resource = "job")
    @Operation(operationId = "changeJobStatus", summary = "Change a job's status",
            description = "Moves the job through its lifecycle, based on the version in `If-Match` or `baseVersion`."
                    + " A stale version or a move the job's state does not allow gets 409 with the job as it is now."
                    + " With `Prefer: return=minimal` a success answers 204 with the new version as the `ETag`.")
    @APIResponseSchema(value = JobCardView.class, responseCode = "200")
    @APIResponse(responseCode = "204", description = "Changed; the new version is the `ETag` (`Prefer: return=minimal`)")
    public Uni<Response> changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = ReturnPreference.DESCRIPTION) @HeaderParam(ReturnPreference.HEADER) String prefer,
            @Valid @NotNull StatusChangeRequest request) {
        Actor editor = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        Uni<JobStatusService.StatusChanged> change = statuses.changeStatus(editor, id, request.status(), baseVersion);
        if (ReturnPreference.minimal(prefer)) {
            return change.map(changed -> ReturnPreference.minimalAnswer(changed.version()))
                    .onFailure(StaleVersionException.class).recoverWithUni(stale -> conflict(editor, id, stale));
        }
        return answer(editor, id, change);
    }

    /** Puts a technician on the job; idempotent, so a retry after a lost answer is harmless. */
    @PUT
    @Path("/technicians/{technicianId}")
    @PermissionsAllowed(Capability.JOB_ASSIGN)
    @Operation(operationId = "assignTechnician", summary = "Put a technician on a job",
            description = "Puts a technician of the garage on the job (advisors and admins, `If-Match`). Idempotent:"
                    + " a retry after a lost answer is harmless.")
    @APIResponseSchema(JobCardView.class)
    public Uni<Response> assign(@PathParam("id") UUID id, @PathParam("technicianId") UUID technicianId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor editor = actor.get();
        return answer(editor, id, assignments.assign(editor, id, technicianId, BaseVersion.resolve(ifMatch, null)));
    }

    /** Takes a technician off the job; idempotent like {@link #assign}. */
    @DELETE
    @Path("/technicians/{technicianId}")
    @PermissionsAllowed(Capability.JOB_ASSIGN)
    @Operation(operationId = "unassignTechnician", summary = "Take a technician off a job",
            description = "Takes a technician off the job (advisors and admins, `If-Match`). Idempotent like"
                    + " putting them on.")
    @APIResponseSchema(JobCardView.class)
    public Uni<Response> unassign(@PathParam("id") UUID id, @PathParam("technicianId") UUID technicianId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor editor = actor.get();
        return answer(editor, id,
                assignments.unassign(editor, id, technicianId, BaseVersion.resolve(ifMatch, null)));
    }

    /** The job as it is after a change, or the 409 of a stale one. */
    private Uni<Response> answer(Actor editor, UUID id, Uni<?> change) {
        return change.chain(() -> view(editor, id))
                .map(view -> withVersion(Response.ok(view), view).build())
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> conflict(editor, id, stale));
    }

    private Uni<JobCardView> view(Actor viewer, UUID id) {
        return Panache.withSession(() -> queries.forStaff(viewer, id).chain(detail -> times.ofJobs(List.of(id))
                .map(entries -> JobCardViews.of(detail, viewer, entries.getOrDefault(id, List.of()), clock.now()))));
    }

    /** A stale write: 409 with the job as it is now, so the app can show what changed. */
    Uni<Response> conflict(Actor editor, UUID id, ProblemException stale) {
        return view(editor, id).map(current -> {
            Problem problem = stale.problem().withCurrent(current);
            return withVersion(Response.status(problem.status()).type(Problem.MEDIA_TYPE), current)
                    .entity(problem).build();
        });
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, JobCardView view) {
        return response.header(HttpHeaders.ETAG, BaseVersion.etag(view.version()));
    }
}
