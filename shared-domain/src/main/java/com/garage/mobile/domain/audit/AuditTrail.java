package com.garage.mobile.domain.audit;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.request.RequestInfo;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/** Writes audit entries in the caller's transaction, with who, from which device and request. */
@ApplicationScoped
public class AuditTrail {

    private final RequestInfo request;

    public AuditTrail(RequestInfo request) {
        this.request = request;
    }

    public Uni<AuditEntry> record(Actor actor, String action, String resourceType, Object resourceId,
            AuditOutcome outcome, Map<String, Object> detail, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.garageId = actor.garageId();
        entry.actorSubject = actor.subject();
        entry.actorRole = actor.role().claimValue();
        entry.deviceId = request.deviceId();
        entry.clientIp = request.clientIp();
        entry.requestId = request.requestId();
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId != null ? resourceId.toString() : null;
        entry.outcome = outcome;
        entry.detail = detail;
        entry.occurredAt = at;
        request.noteAudited(outcome);
        return entry.persist();
    }
}
