package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.chat.escalation.EscalationState;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversation's priority and the response it awaits. The customer sees the priority and whether
 * an answer is awaited; staff also who answers it and the deadlines (null where none).
 *
 * @param advisorId    the advisor it is assigned to; null: every advisor of the garage (staff only)
 * @param handedOver   assigned by a handover rather than as the job's advisor (staff only)
 * @param reason       why the priority was last set; the customer sees it only when they set it themselves
 * @param awaiting     {@code FIRST} or {@code NEXT} while a customer message awaits a staff answer, else null
 */
public record EscalationView(UUID conversationId, String priority, String reason, boolean awaitingAnswer,
        String awaiting,
        UUID advisorId, String advisorName, Boolean handedOver, Instant awaitingSince, Instant warnAt, Instant dueAt,
        Instant warnedAt, Instant breachedAt) {

    /** As the reader sees it: staff everything, a customer the priority (and their own reason). */
    public static EscalationView of(EscalationState state, Actor reader) {
        boolean awaiting = state.awaiting() != null;
        if (reader.isCustomer()) {
            String reason = reader.personId().equals(state.setBy()) ? state.reason() : null;
            return new EscalationView(state.conversationId(), state.priority().name(), reason, awaiting, null, null,
                    null, null, null, null, null, null, null);
        }
        return new EscalationView(state.conversationId(), state.priority().name(), state.reason(), awaiting,
                awaiting ? state.awaiting().name() : null, state.advisorId(), state.advisorName(), state.handedOver(),
                state.awaitingSince(), state.warnAt(), state.dueAt(), state.warnedAt(), state.breachedAt());
    }
}
