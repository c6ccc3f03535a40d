package com.garage.mobile.api.releases;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.releases.ReleaseRings;
import com.garage.mobile.domain.releases.Ring;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The person joins or leaves the beta of the app they use. */
@Path("/api/v1/releases/beta")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class BetaResource {

    /** Whether the caller wants to be in the beta. */
    public record BetaRequest(@NotNull Boolean joined) {
    }

    /** The caller's ring afterwards. */
    public record RingView(Ring ring) {
    }

    private final CurrentActor actor;
    private final ReleaseRings rings;
    private final AccessConfig access;

    public BetaResource(CurrentActor actor, ReleaseRings rings, AccessConfig access) {
        this.actor = actor;
        this.rings = rings;
        this.access = access;
    }

    @PUT
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "changeBetaMembership", summary = "Join or leave the beta",
            description = "`joined: true` puts the caller in this app's beta ring (they are offered beta rollouts);"
                    + " `false` takes them back to production. A member of the internal ring stays in it: only an"
                    + " admin takes someone out of it. Answers the caller's ring.")
    public Uni<RingView> change(@Valid @NotNull BetaRequest request) {
        return rings.beta(actor.get(), access.audience(), request.joined()).map(RingView::new);
    }
}
