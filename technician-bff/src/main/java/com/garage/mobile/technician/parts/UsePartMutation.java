package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.parts.PartUseService;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code job-part use}: parts taken from the shelf without a signal, as a new PART line under the app's id. */
@ApplicationScoped
class UsePartMutation implements MutationHandler<UsePartPayload> {

    private final PartUseService parts;

    UsePartMutation(PartUseService parts) {
        this.parts = parts;
    }

    @Override
    public String entityName() {
        return "job-part";
    }

    @Override
    public String operationName() {
        return "use";
    }

    @Override
    public String action() {
        return PartUseService.USE;
    }

    @Override
    public String resourceType() {
        return "job";
    }

    @Override
    public Class<UsePartPayload> payloadType() {
        return UsePartPayload.class;
    }

    @Override
    public boolean needsBaseVersion() {
        return false;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID entityId, Long baseVersion, UsePartPayload payload) {
        return parts.use(actor, payload.jobId(), entityId, payload.partId(), payload.quantity())
                .map(changed -> Applied.of(PartLineView.of(changed.row()), changed.row().version, changed));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID entityId) {
        return Uni.createFrom().failure(ProblemException.notFound("Estimate line"));
    }
}
