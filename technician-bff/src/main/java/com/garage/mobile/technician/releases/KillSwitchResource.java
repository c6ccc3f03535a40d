package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.releases.KillSwitch;
import com.garage.mobile.domain.releases.KillSwitches;
import com.garage.mobile.domain.releases.Ring;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.stepup.StepUp;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Kill switches: turn a feature off for a version range, a ring or a garage, and back on. */
@Path("/api/v1/admin/kill-switches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class KillSwitchResource {

    /** A switch; every field left out means "any" (versions inclusive). */
    public record KillSwitchRequest(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be a feature name such as chat") String feature,
            @NotNull AppAudience app, AppPlatform platform,
            @Pattern(regexp = ReleaseRequests.VERSION, message = "must be a dotted version") String fromVersion,
            @Pattern(regexp = ReleaseRequests.VERSION, message = "must be a dotted version") String toVersion,
            Ring ring, UUID garageId, @NotNull @Size(max = 500) String message) {

        KillSwitch draft() {
            return new KillSwitch(null, feature, app, platform, SoftwareVersion.parse(fromVersion),
                    SoftwareVersion.parse(toVersion), ring, garageId, message);
        }
    }

    /** A switch in force. */
    public record KillSwitchView(UUID id, String feature, AppAudience app, AppPlatform platform, String fromVersion,
            String toVersion, Ring ring, UUID garageId, String message) {

        static KillSwitchView of(KillSwitch kill) {
            return new KillSwitchView(kill.id(), kill.feature(), kill.app(), kill.platform(),
                    kill.fromVersion() != null ? kill.fromVersion().toString() : null,
                    kill.toVersion() != null ? kill.toVersion().toString() : null, kill.ring(), kill.garageId(),
                    kill.message());
        }
    }

    private final CurrentActor actor;
    private final KillSwitches switches;

    public KillSwitchResource(CurrentActor actor, KillSwitches switches) {
        this.actor = actor;
        this.switches = switches;
    }

    @GET
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @Operation(operationId = "listKillSwitches", summary = "List the kill switches in force for an app",
            description = "`app` is STAFF (the technician app) or CUSTOMER; oldest first.")
    public Uni<List<KillSwitchView>> list(@QueryParam("app") @NotNull
            @Pattern(regexp = "STAFF|CUSTOMER", message = "must be STAFF or CUSTOMER") String app) {
        return switches.activeFor(AppAudience.valueOf(app)).map(found -> found.stream().map(KillSwitchView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = KillSwitches.SET, resource = "kill-switch")
    @Operation(operationId = "setKillSwitch", summary = "Turn a feature off",
            description = "For the builds of an app in the version range (inclusive), platform, ring and garage given"
                    + " (left out: any; a garage only one's own). Apps read it in `GET /api/v1/app-config`"
                    + " (`killSwitches`); the BFFs refuse the feature's calls with 503 `feature-turned-off`.")
    @APIResponse(responseCode = "201", description = "In force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KillSwitchView.class)))
    public Uni<Response> set(@Valid @NotNull KillSwitchRequest request) {
        return switches.set(actor.get(), request.draft())
                .map(kill -> Response.status(Response.Status.CREATED).entity(KillSwitchView.of(kill)).build());
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = KillSwitches.REMOVE, resource = "kill-switch", idParam = "id")
    @Operation(operationId = "removeKillSwitch", summary = "Turn the feature back on",
            description = "The switch stops holding; one removed already, or unknown, is 404.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return switches.remove(actor.get(), id).map(done -> Response.noContent().build());
    }
}
