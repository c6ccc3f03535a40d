package com.garage.mobile.domain.analytics;

/**
 * What became of one event of a batch: stored, a resend of one stored before, or refused with why.
 *
 * @param index  the event's place in the batch, from 0
 * @param id     the event's id as sent (null when it sent none)
 * @param field  the property or field at fault, for a refusal
 */
public record EventOutcome(int index, String id, Status status, String reason, String field) {

    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED
    }

    static EventOutcome rejected(int index, String id, String field, String reason) {
        return new EventOutcome(index, id, Status.REJECTED, reason, field);
    }
}
