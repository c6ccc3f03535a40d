package com.garage.mobile.technician.notifications;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.notification.dispatch.DeadLetterView;
import com.garage.mobile.platform.notification.dispatch.PushNotificationHandler;
import com.garage.mobile.platform.outbox.DeadLetters;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Notifications of the admin's garage that could not be delivered: the outbox's dead letters of
 * kind {@code notification}, shown with the notification's fields.
 */
@Path("/api/v1/admin/notifications/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification dead letters", description = "Admins: push notifications of the garage that could not be"
        + " delivered, and sending one again")
public class DeadLetterResource {

    private final CurrentActor actor;
    private final DeadLetters deadLetters;

    public DeadLetterResource(CurrentActor actor, DeadLetters deadLetters) {
        this.actor = actor;
        this.deadLetters = deadLetters;
    }

    @GET
    @PermissionsAllowed(Capability.NOTIFICATION_DEAD_LETTERS)
    @Operation(operationId = "listNotificationDeadLetters", summary = "List undelivered notifications",
            description = "Notifications of the admin's garage that failed for good, newest first (paged by cursor).")
    public Uni<Page<DeadLetterView>> list(@Valid @BeanParam PageRequest page) {
        return deadLetters.page(actor.get(), PushNotificationHandler.KIND, page.cursor(), page.limit())
                .map(letters -> letters.map(DeadLetterView::of));
    }

    @POST
    @Path("/{id}/replay")
    @PermissionsAllowed(Capability.NOTIFICATION_DEAD_LETTERS)
    @Operation(operationId = "replayNotificationDeadLetter", summary = "Send an undelivered notification again",
            description = "Sends it again from scratch (attempts reset, a fresh time to live); consent and device"
                    + " are checked again at send time. A dead letter replayed before gets 409; another garage's, 404.")
    public Uni<DeadLetterView> replay(@PathParam("id") UUID id) {
        return deadLetters.replay(actor.get(), PushNotificationHandler.KIND, id).map(DeadLetterView::of);
    }
}
