package com.garage.mobile.api.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.releases.AppSessions;
import com.garage.mobile.domain.releases.CrashReceipt;
import com.garage.mobile.domain.releases.CrashReports;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.identity.CurrentAppBuild;
import com.garage.mobile.platform.security.posture.PostureExempt;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the apps report for release health: session starts and ends, crashes. Exempt from the
 * posture check on purpose: an app below the minimum version, or on a device that fails its check,
 * is exactly what crashes, and these reports change no record of the garage.
 */
@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class ReleaseTelemetryResource {

    private final CurrentActor actor;
    private final CurrentAppBuild build;
    private final AppSessions sessions;
    private final CrashReports crashes;

    public ReleaseTelemetryResource(CurrentActor actor, CurrentAppBuild build, AppSessions sessions,
            CrashReports crashes) {
        this.actor = actor;
        this.build = build;
        this.sessions = sessions;
        this.crashes = crashes;
    }

    @POST
    @Path("/sessions")
    @PostureExempt
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "reportAppSession", summary = "Report an app session starting or ending",
            description = "The build comes from `X-App-Platform` and `X-App-Version` (both required). A start"
                    + " records the release and the caller's ring; repeating it changes nothing. An end closes"
                    + " the caller's own session (another's is 404). Crash-free sessions are counted from these.")
    @APIResponse(responseCode = "204", description = "Recorded")
    public Uni<Response> session(@Valid @NotNull SessionRequest request) {
        Actor person = actor.get();
        AppBuild app = build.get();
        Uni<Void> recorded = request.event() == SessionRequest.Event.START
                ? sessions.start(person, app, request.sessionId()) : sessions.end(person, request.sessionId());
        return recorded.map(done -> Response.noContent().build());
    }

    @POST
    @Path("/crash-reports")
    @PostureExempt
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "reportCrash", summary = "Report a crash or error",
            description = "Stored with the build (`X-App-Platform`, `X-App-Version`, both required), the caller's"
                    + " ring and device, grouped into a crash issue by the fingerprint of its normalised stack, and"
                    + " marks the named session crashed. A new issue, a fixed issue seen again, and a spike are"
                    + " told to release admins.")
    @APIResponse(responseCode = "201", description = "Stored: the event, its issue and fingerprint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrashReceipt.class)))
    public Uni<Response> crash(@Valid @NotNull CrashReportRequest request) {
        return crashes.report(actor.get(), build.get(), request.toReport())
                .map(receipt -> Response.status(Response.Status.CREATED).entity(receipt).build());
    }
}
