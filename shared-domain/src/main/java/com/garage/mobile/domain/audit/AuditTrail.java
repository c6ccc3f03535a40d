package com.garage.mobile.domain.audit;

import com.garage.mobile.domain.access.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Map;

/** Writes audit entries in the caller's transaction: who, through which channel, device and request. */
@ApplicationScoped
public class AuditTrail {

    private final Instance<AuditListener> listeners;

    public AuditTrail(Instance<AuditListener> listeners) {
        this.listeners = listeners;
    }

    public Uni<AuditEntry> record(Actor actor, String action, String resourceType, Object resourceId,
            AuditOutcome outcome, Map<String, Object> detail, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.garageId = actor.garageId();
        entry.actorSubject = actor.subject();
        entry.actorRole = actor.role().claimValue();
        entry.channel = actor.origin().channel().value();
        entry.deviceId = actor.origin().deviceId();
        entry.clientIp = actor.origin().clientIp();
        entry.requestId = actor.origin().requestId();
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId != null ? resourceId.toString() : null;
        entry.outcome = outcome;
        entry.detail = detail;
        entry.occurredAt = at;
        listeners.forEach(listener -> listener.recorded(outcome));
        return entry.persist();
    }
}
