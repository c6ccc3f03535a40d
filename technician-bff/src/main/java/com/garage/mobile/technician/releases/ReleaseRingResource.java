package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.releases.ReleaseRings;
import com.garage.mobile.domain.releases.Ring;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.stepup.StepUp;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins place the people of their garage in a release ring of an app. */
@Path("/api/v1/admin/release-rings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class ReleaseRingResource {

    /** A person of the garage (staff for STAFF, a customer for CUSTOMER) and their ring in that app. */
    public record Membership(@NotNull UUID personId, @NotNull AppAudience app, @NotNull Ring ring) {
    }

    private final CurrentActor actor;
    private final ReleaseRings rings;

    public ReleaseRingResource(CurrentActor actor, ReleaseRings rings) {
        this.actor = actor;
        this.rings = rings;
    }

    @PUT
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = ReleaseRings.ASSIGN, resource = "person")
    @Operation(operationId = "placeInReleaseRing", summary = "Place a person in a release ring",
            description = "INTERNAL or BETA, or PRODUCTION to take them out of both. Only people of the admin's own"
                    + " garage; anyone else is 404.")
    public Uni<Membership> place(@Valid @NotNull Membership request) {
        return rings.assign(actor.get(), request.personId(), request.app(), request.ring())
                .map(ring -> new Membership(request.personId(), request.app(), ring));
    }
}
