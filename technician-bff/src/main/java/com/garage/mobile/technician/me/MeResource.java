package com.garage.mobile.technician.me;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.domain.access.MeQuery;
import com.garage.mobile.domain.access.MeView;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who the signed-in staff member is, and at which garage. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final CurrentActor actor;
    private final MeQuery me;

    public MeResource(CurrentActor actor, MeQuery me) {
        this.actor = actor;
        this.me = me;
    }

    @GET
    @PermissionsAllowed(Capability.APP_USE)
    public Uni<MeView> me() {
        return me.of(actor.get());
    }
}
