package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.CurrentActor;
import com.garage.mobile.domain.audit.AuditedAs;
import com.garage.mobile.domain.job.JobCardQueries;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.request.BaseVersion;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** One job card: read it, move it through its lifecycle. */
@Path("/api/v1/jobs/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class JobCardResource {

    private final CurrentActor actor;
    private final JobCardQueries queries;
    private final JobStatusService statuses;

    public JobCardResource(CurrentActor actor, JobCardQueries queries, JobStatusService statuses) {
        this.actor = actor;
        this.queries = queries;
        this.statuses = statuses;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    public Uni<Response> get(@PathParam("id") UUID id) {
        Actor viewer = actor.get();
        return view(viewer, id).map(view -> withVersion(Response.ok(view), view).build());
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = JobStatusService.ACTION, resource = "job")
    public Uni<Response> changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChangeRequest request) {
        Actor editor = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        return statuses.changeStatus(editor, id, request.status(), baseVersion)
                .chain(() -> view(editor, id))
                .map(view -> withVersion(Response.ok(view), view).build())
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> conflict(editor, id, stale));
    }

    private Uni<JobCardView> view(Actor viewer, UUID id) {
        return queries.forStaff(viewer, id).map(detail -> JobCardViews.of(detail, viewer));
    }

    /** A stale write: 409 with the job as it is now, so the app can show what changed. */
    private Uni<Response> conflict(Actor editor, UUID id, ProblemException stale) {
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
