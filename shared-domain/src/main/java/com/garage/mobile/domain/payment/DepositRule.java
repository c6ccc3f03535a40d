package com.garage.mobile.domain.payment;

/** How a garage asks for a deposit once work is approved. */
public enum DepositRule {
    NONE,
    /** A share of the approved work, in basis points. */
    PERCENTAGE,
    /** A fixed amount, capped at the approved work. */
    FIXED
}
