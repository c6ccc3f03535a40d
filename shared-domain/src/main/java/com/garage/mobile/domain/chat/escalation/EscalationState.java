package com.garage.mobile.domain.chat.escalation;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a conversation stands: its priority, who answers it, and the response now awaited.
 *
 * @param advisorId  the advisor it is assigned to (handed over, else the job's); null: every advisor
 * @param reason     why the priority was last set, as given (null: none given)
 * @param setBy      who set the priority last; null while never changed
 * @param awaiting   the response awaited, null while the last word is staff's
 */
public record EscalationState(UUID conversationId, ChatPriority priority, UUID advisorId, String advisorName,
        boolean handedOver, String reason, UUID setBy, ResponseKind awaiting, Instant awaitingSince, Instant warnAt,
        Instant dueAt, Instant warnedAt, Instant breachedAt) {
}
