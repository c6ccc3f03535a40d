package com.garage.mobile.technician.audit;

import com.garage.mobile.domain.audit.AuditEntry;
import com.garage.mobile.domain.audit.AuditOutcome;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of the garage's audit trail, as an admin reviews it.
 *
 * @param channel how the change reached us: {@code app}, {@code webhook}, {@code scheduler} or {@code admin}
 * @param chainPosition its place in the garage's chain; with {@code hash}, absent while the entry is pending
 */
public record AuditEntryView(long id, Instant occurredAt, String actorSubject, String actorRole, String channel,
        String deviceId, String clientIp, String requestId, String action, String resourceType, String resourceId,
        AuditOutcome outcome, Map<String, Object> detail, Long chainPosition, String hash) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.occurredAt, entry.actorSubject, entry.actorRole, entry.channel,
                entry.deviceId, entry.clientIp, entry.requestId, entry.action, entry.resourceType, entry.resourceId,
                entry.outcome, entry.detail, entry.chainPosition, entry.hash);
    }
}
