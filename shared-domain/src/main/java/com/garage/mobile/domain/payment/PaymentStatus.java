package com.garage.mobile.domain.payment;

import java.util.EnumSet;
import java.util.Set;

/** Where a payment stands, in the garage's words; each provider's statuses map onto these. */
public enum PaymentStatus {
    /** Stored, with its idempotency key; the provider has not answered yet. */
    CREATED,
    AWAITING_METHOD,
    /** The bank asks the customer to confirm (3-D Secure). */
    ACTION_REQUIRED,
    PROCESSING,
    /** The last attempt was declined; the customer may try again on the same payment. */
    FAILED,
    /** Authorised and held until the work starts (a deposit); captured then, or it lapses. */
    HELD,
    SUCCEEDED,
    CANCELED;

    /** Statuses of a payment still in flight: one per job and purpose at a time. */
    public static final Set<PaymentStatus> OPEN = EnumSet.of(CREATED, AWAITING_METHOD, ACTION_REQUIRED, PROCESSING,
            FAILED);

    /** Money the customer has committed: held or taken. */
    public boolean counts() {
        return this == HELD || this == SUCCEEDED;
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == CANCELED;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
