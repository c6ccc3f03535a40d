package com.garage.mobile.api.branding;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.garage.Branding;
import com.garage.mobile.domain.garage.BrandingQuery;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's garage branding, for the shell of either app (docs/apps.md). */
@Path("/api/v1/branding")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who the signed-in person is and what the app's shell shows them")
public class BrandingResource {

    private final CurrentActor actor;
    private final BrandingQuery branding;

    public BrandingResource(CurrentActor actor, BrandingQuery branding) {
        this.actor = actor;
        this.branding = branding;
    }

    @GET
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "getBranding", summary = "My garage's branding",
            description = "The garage's name, logo and primary colour, with the colour shaded for the light and the "
                    + "dark theme so that it keeps WCAG AA contrast (4.5 : 1) against each theme's surface.")
    public Uni<Branding> branding() {
        return branding.of(actor.get().garageId());
    }
}
