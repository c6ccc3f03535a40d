package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.parts.PartRequestService;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code part-request create}: a missing part asked for without a signal, under the app's id. */
@ApplicationScoped
class PartRequestMutation implements MutationHandler<PartRequestPayload> {

    private final PartRequestService requests;

    PartRequestMutation(PartRequestService requests) {
        this.requests = requests;
    }

    @Override
    public String entityName() {
        return "part-request";
    }

    @Override
    public String operationName() {
        return "create";
    }

    @Override
    public String action() {
        return PartRequestService.CREATE;
    }

    @Override
    public String resourceType() {
        return "part-request";
    }

    @Override
    public Class<PartRequestPayload> payloadType() {
        return PartRequestPayload.class;
    }

    @Override
    public boolean needsBaseVersion() {
        return false;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID entityId, Long baseVersion, PartRequestPayload payload) {
        return requests.request(actor, entityId, payload.jobId(), payload.wanted())
                .map(changed -> Applied.of(PartRequestView.of(changed.row()), changed.row().version, changed));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID entityId) {
        return Uni.createFrom().failure(ProblemException.notFound("Part request"));
    }
}
