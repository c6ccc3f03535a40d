package com.garage.mobile.domain.audit;

import com.garage.mobile.domain.access.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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

    /** Records the entry in the current Hibernate Reactive transaction. */
    public Uni<AuditEntry> record(Actor actor, String action, String resourceType, Object resourceId,
            AuditOutcome outcome, Map<String, Object> detail, Instant at) {
        AuditEntry entry = entry(actor, action, resourceType, resourceId, outcome, detail, at);
        notifyListeners(outcome);
        return entry.persist();
    }

    /**
     * The entry, not yet written, for a statement that writes it beside other rows in the caller's
     * transaction (it arrives pending, and {@link AuditSequencer} chains it after commit).
     */
    public AuditEntry prepare(Actor actor, String action, String resourceType, Object resourceId,
            AuditOutcome outcome, Map<String, Object> detail, Instant at) {
        notifyListeners(outcome);
        return entry(actor, action, resourceType, resourceId, outcome, detail, at);
    }

    /** Records the entry in the transaction of a SQL client connection, for work outside a Hibernate session. */
    public Uni<Void> record(SqlConnection connection, Actor actor, String action, String resourceType,
            Object resourceId, AuditOutcome outcome, Map<String, Object> detail, Instant at) {
        AuditEntry entry = entry(actor, action, resourceType, resourceId, outcome, detail, at);
        notifyListeners(outcome);
        return connection.preparedQuery(AuditInsert.STATEMENT).execute(AuditInsert.addTo(Tuple.tuple(), entry))
                .replaceWithVoid();
    }

    private static AuditEntry entry(Actor actor, String action, String resourceType, Object resourceId,
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
        return entry;
    }

    private void notifyListeners(AuditOutcome outcome) {
        listeners.forEach(listener -> listener.recorded(outcome));
    }
}
