package com.garage.mobile.domain.inspection;

/** What the technician found: fine, needs attention soon, needs attention now. Worse ones sort later. */
public enum ItemCondition {
    GREEN,
    YELLOW,
    RED;

    public ItemCondition worse(ItemCondition other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }

    /** Yellow and red findings: carried forward and recommended as estimate lines. */
    public boolean needsAttention() {
        return this != GREEN;
    }
}
