package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.PageRequest;
import com.garage.mobile.platform.web.RenderedJson;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Today's job board: my jobs by promised time, or the whole workshop for advisors. */
@Path("/api/v1/jobs/board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Job board", description = "Today's jobs of the workshop by promised time")
public class JobBoardResource {

    private final CurrentActor actor;
    private final CachedJobBoard board;
    private final GarageClock clock;

    public JobBoardResource(CurrentActor actor, CachedJobBoard board, GarageClock clock) {
        this.clock = clock;
        this.actor = actor;
        this.board = board;
    }

    @GET
    @PermissionsAllowed(Capability.JOB_BOARD_READ)
    @Operation(operationId = "getJobBoard", summary = "Today's job board",
            description = "Today's jobs by promised time: the caller's own (`scope=mine`) or the whole workshop"
                    + " (`scope=garage`, advisors and admins), with a hash of it as a weak `ETag`: a read whose"
                    + " `If-None-Match` names it is 304. Cached as sent, plain or gzip-compressed.")
    @APIResponseSchema(BoardPage.class)
    public Uni<Response> board(
            @QueryParam("scope") @DefaultValue("mine") @Pattern(regexp = "mine|garage",
                    message = "must be mine or garage") String scope,
            @Valid @BeanParam PageRequest page,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpServerRequest http) {
        var current = actor.get();
        boolean wholeGarage = scope.equals("garage");
        if (wholeGarage && !current.seesWholeGarage()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only advisors and admins see the whole workshop.");
        }
        return board.page(current, wholeGarage, clock.now(), page, RenderedJson.sendCompressed(http))
                .map(rendered -> rendered.response(ifNoneMatch));
    }
}
