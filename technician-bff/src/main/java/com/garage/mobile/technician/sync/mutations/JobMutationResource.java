package com.garage.mobile.technician.sync.mutations;

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

/** The technician app's queued offline writes: step progress and notes from the bay. */
@Path("/api/v1/sync/mutations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobMutationResource {

    private final CurrentActor actor;
    private final JsonWebToken token;
    private final OfflineWrites writes;
    private final Map<String, MutationHandler<?>> handlers;

    public JobMutationResource(CurrentActor actor, JsonWebToken token, OfflineWrites writes,
            StepStatusMutation steps, NoteMutation notes) {
        this.actor = actor;
        this.token = token;
        this.writes = writes;
        this.handlers = Map.of(OfflineWrites.key("job-step", "set-status"), steps,
                OfflineWrites.key("job-note", "add"), notes);
    }

    /** Applies the batch in order; answers 200 with one result per mutation. */
    @POST
    @PermissionsAllowed(Capability.OFFLINE_JOB_WRITES)
    public Uni<BatchResults> apply(@Valid @NotNull MutationBatch batch) {
        return writes.apply(actor.get(), token, batch.deviceId(), batch.mutations(), handlers)
                .map(BatchResults::new);
    }
}
