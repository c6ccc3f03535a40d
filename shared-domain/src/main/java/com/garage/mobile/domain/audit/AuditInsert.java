package com.garage.mobile.domain.audit;

import io.vertx.core.json.JsonObject;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * An audit entry as a data-modifying CTE, for a statement that writes it beside its own rows in one round trip
 * (the database still chains it as it is inserted). Its parameters are named {@code audit…}.
 */
public final class AuditInsert {

    /**
     * The CTE, named {@code audit}, to place among a {@code with}'s. A text parameter cast to jsonb directly is
     * bound by the reactive driver as a JSON string, so the detail is cast through text.
     */
    public static final String CTE = """
            audit as (
                insert into audit_entry (garage_id, actor_subject, actor_role, channel, device_id, client_ip,
                    request_id, action, resource_type, resource_id, outcome, detail, occurred_at)
                values (:auditGarage, :auditSubject, :auditRole, :auditChannel, cast(:auditDevice as text),
                    cast(:auditIp as text), cast(:auditRequest as text), :auditAction, :auditResourceType,
                    :auditResourceId, :auditOutcome, cast(cast(:auditDetail as text) as jsonb), :auditAt))""";

    private AuditInsert() {
    }

    /** Binds the entry to the CTE's parameters of the query. */
    public static void bind(Mutiny.AbstractQuery query, AuditEntry entry) {
        query.setParameter("auditGarage", entry.garageId).setParameter("auditSubject", entry.actorSubject)
                .setParameter("auditRole", entry.actorRole).setParameter("auditChannel", entry.channel)
                .setParameter("auditDevice", entry.deviceId).setParameter("auditIp", entry.clientIp)
                .setParameter("auditRequest", entry.requestId).setParameter("auditAction", entry.action)
                .setParameter("auditResourceType", entry.resourceType)
                .setParameter("auditResourceId", entry.resourceId)
                .setParameter("auditOutcome", entry.outcome.name())
                .setParameter("auditDetail", entry.detail != null ? new JsonObject(entry.detail).encode() : null)
                .setParameter("auditAt", entry.occurredAt);
    }
}
