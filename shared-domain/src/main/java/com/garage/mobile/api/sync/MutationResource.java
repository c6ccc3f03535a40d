package com.garage.mobile.api.sync;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.offline.BatchResults;
import com.garage.mobile.platform.offline.MutationBatch;
import com.garage.mobile.platform.offline.MutationHandler;
import com.garage.mobile.platform.offline.OfflineWrites;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The app's queued offline writes, for both apps: which operations a batch may hold is declared by
 * the mutation handlers the app's features contribute (the technician app: step progress and notes;
 * the customer app: profile edits, appointment moves and cancellations). See docs/offline-writes.md.
 */
@Path("/api/v1/sync/mutations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sync", description = "The app's offline copy: delta sync and queued offline writes")
public class MutationResource {

    private final CurrentActor actor;
    private final JsonWebToken token;
    private final OfflineWrites writes;
    private final Map<String, MutationHandler<?>> handlers;

    public MutationResource(CurrentActor actor, JsonWebToken token, OfflineWrites writes,
            Instance<MutationHandler<?>> handlers) {
        this.actor = actor;
        this.token = token;
        this.writes = writes;
        this.handlers = handlers.stream()
                .collect(Collectors.toUnmodifiableMap(MutationHandler::key, Function.identity()));
    }

    /** Applies the batch in order; answers 200 with one result per mutation. */
    @POST
    @PermissionsAllowed({Capability.OFFLINE_JOB_WRITES, Capability.OFFLINE_OWN_WRITES})
    @Operation(operationId = "applyOfflineWrites", summary = "Apply my queued offline writes",
            description = "Applies the mutations in order, each in its own transaction, and answers one result per"
                    + " mutation: applied (with the record), conflict (with the current record), rejected (with a"
                    + " problem). A mutation id already applied returns its first result and changes nothing.")
    public Uni<BatchResults> apply(@Valid @NotNull MutationBatch batch) {
        return writes.apply(actor.get(), token, batch.deviceId(), batch.mutations(), handlers)
                .map(BatchResults::new);
    }
}
