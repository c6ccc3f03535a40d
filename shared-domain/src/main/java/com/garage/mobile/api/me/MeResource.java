package com.garage.mobile.api.me;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.MeQuery;
import com.garage.mobile.domain.access.MeView;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the signed-in staff member or customer is, and at which garage; for both apps. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who the signed-in person is and what the app's shell shows them")
public class MeResource {

    private final CurrentActor actor;
    private final MeQuery me;

    public MeResource(CurrentActor actor, MeQuery me) {
        this.actor = actor;
        this.me = me;
    }

    @GET
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "getMe", summary = "Who I am",
            description = "The caller's role, name and person id, and their garage with its time zone and currency.")
    public Uni<MeView> me() {
        return me.of(actor.get());
    }
}
