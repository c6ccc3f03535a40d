package com.garage.mobile.customer.sync.mutations;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.offline.BatchResults;
import com.garage.mobile.platform.offline.MutationBatch;
import com.garage.mobile.platform.offline.MutationHandler;
import com.garage.mobile.platform.offline.OfflineWrites;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The customer app's queued offline writes: profile edits, appointment moves and cancellations. */
@Path("/api/v1/sync/mutations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OwnMutationResource {

    private final CurrentActor actor;
    private final JsonWebToken token;
    private final OfflineWrites writes;
    private final Map<String, MutationHandler<?>> handlers;

    public OwnMutationResource(CurrentActor actor, JsonWebToken token, OfflineWrites writes,
            ProfileMutation profile, RescheduleMutation reschedule, CancelMutation cancel) {
        this.actor = actor;
        this.token = token;
        this.writes = writes;
        this.handlers = Map.of(OfflineWrites.key("profile", "update"), profile,
                OfflineWrites.key("appointment", "reschedule"), reschedule,
                OfflineWrites.key("appointment", "cancel"), cancel);
    }

    /** Applies the batch in order; answers 200 with one result per mutation. */
    @POST
    @PermissionsAllowed(Capability.OFFLINE_OWN_WRITES)
    public Uni<BatchResults> apply(@Valid @NotNull MutationBatch batch) {
        return writes.apply(actor.get(), token, batch.deviceId(), batch.mutations(), handlers)
                .map(BatchResults::new);
    }
}
