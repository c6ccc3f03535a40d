package com.garage.mobile.technician.outbox;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.outbox.DeadLetter;
import com.garage.mobile.platform.outbox.DeadLetters;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outbound work of any kind that failed for good in the admin's garage: list it, do it again. */
@Path("/api/v1/admin/outbox/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox dead letters", description = "Admins: outbound work of the garage (notifications, payment calls,"
        + " partner requests, webhook deliveries) that failed for good, and doing it again")
public class OutboundDeadLetterResource {

    private final CurrentActor actor;
    private final DeadLetters deadLetters;

    public OutboundDeadLetterResource(CurrentActor actor, DeadLetters deadLetters) {
        this.actor = actor;
        this.deadLetters = deadLetters;
    }

    @GET
    @PermissionsAllowed(Capability.OUTBOUND_DEAD_LETTERS)
    @Operation(operationId = "listOutboundDeadLetters", summary = "List dead letters",
            description = "Outbound work in the admin's garage that failed for good, newest first (paged by cursor),"
                    + " of every kind or of the one named by `kind` (e.g. `notification`), each with its handler's"
                    + " summary.")
    public Uni<Page<DeadLetter>> list(@QueryParam("kind") @Size(max = 50) String kind,
            @Valid @BeanParam PageRequest page) {
        return deadLetters.page(actor.get(), kind, page.cursor(), page.limit());
    }

    @POST
    @Path("/{id}/replay")
    @PermissionsAllowed(Capability.OUTBOUND_DEAD_LETTERS)
    @Operation(operationId = "replayOutboundDeadLetter", summary = "Do a dead letter's work again",
            description = "Puts the work back in the outbox from scratch (attempts reset, a fresh time to live);"
                    + " its handler checks again what it checks. Audited as `<kind>.replay-dead-letter`."
                    + " A dead letter replayed before gets 409; another garage's, 404.")
    public Uni<DeadLetter> replay(@PathParam("id") UUID id) {
        return deadLetters.replay(actor.get(), null, id);
    }
}
