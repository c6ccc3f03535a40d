package com.garage.mobile.technician.notifications;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.notification.dispatch.DeadLetterView;
import com.garage.mobile.platform.notification.dispatch.DeadLetters;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Notifications of the admin's garage that could not be delivered: list them, send them again. */
@Path("/api/v1/admin/notifications/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final CurrentActor actor;
    private final DeadLetters deadLetters;

    public DeadLetterResource(CurrentActor actor, DeadLetters deadLetters) {
        this.actor = actor;
        this.deadLetters = deadLetters;
    }

    @GET
    @PermissionsAllowed(Capability.NOTIFICATION_DEAD_LETTERS)
    public Uni<Page<DeadLetterView>> list(@Valid @BeanParam PageRequest page) {
        return deadLetters.page(actor.get(), page.cursor(), page.limit());
    }

    @POST
    @Path("/{id}/replay")
    @PermissionsAllowed(Capability.NOTIFICATION_DEAD_LETTERS)
    public Uni<DeadLetterView> replay(@PathParam("id") UUID id) {
        return deadLetters.replay(actor.get(), id);
    }
}
