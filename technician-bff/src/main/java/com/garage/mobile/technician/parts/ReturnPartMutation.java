package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.parts.PartUseService;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code job-part return}: unused parts given back without a signal, from the line's version. */
@ApplicationScoped
class ReturnPartMutation implements MutationHandler<ReturnPartPayload> {

    private final PartUseService parts;

    ReturnPartMutation(PartUseService parts) {
        this.parts = parts;
    }

    @Override
    public String entityName() {
        return "job-part";
    }

    @Override
    public String operationName() {
        return "return";
    }

    @Override
    public String action() {
        return PartUseService.RETURN;
    }

    @Override
    public String resourceType() {
        return "job";
    }

    @Override
    public Class<ReturnPartPayload> payloadType() {
        return ReturnPartPayload.class;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID entityId, Long baseVersion, ReturnPartPayload payload) {
        return parts.giveBack(actor, payload.jobId(), entityId, payload.quantity(), baseVersion)
                .map(changed -> Applied.of(PartLineView.of(changed.row()),
                        changed.row() != null ? changed.row().version : baseVersion + 1, changed));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID entityId) {
        return parts.line(actor, entityId).map(line -> Applied.of(PartLineView.of(line), line.version));
    }
}
