package com.garage.mobile.domain.payment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Applies what the provider says about a payment, in whatever order its words arrive: webhooks
 * come late, twice or out of order, and the reconciliation pass asks on its own. A final status
 * (succeeded, canceled) is never left; a hold only for a final status; among the in-between
 * statuses the newer word wins and an older one is ignored.
 */
public final class PaymentStateMachine {

    private PaymentStateMachine() {
    }

    /** The status after hearing {@code reported} as of {@code reportedAt}; the current one if it changes nothing. */
    public static PaymentStatus next(PaymentStatus current, Instant currentAt, PaymentStatus reported,
            Instant reportedAt) {
        if (current == reported || current.isFinal() || reported == PaymentStatus.CREATED) {
            return current;
        }
        if (reported.isFinal()) {
            return reported;
        }
        if (current == PaymentStatus.HELD) {
            return current;
        }
        if (reported == PaymentStatus.HELD) {
            return reported;
        }
        // Providers date their events to the second: a word of the same second counts as newer.
        return reportedAt.isBefore(currentAt.truncatedTo(ChronoUnit.SECONDS)) ? current : reported;
    }
}
