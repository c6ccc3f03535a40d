package com.garage.mobile.domain.parts;

import java.util.EnumSet;
import java.util.Set;

/** Where a request for a missing part stands: asked for, ordered from the supplier, on the shelf, or dropped. */
public enum PartRequestStatus {
    REQUESTED,
    ORDERED,
    RECEIVED,
    CANCELLED;

    public Set<PartRequestStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(ORDERED, RECEIVED, CANCELLED);
            case ORDERED -> EnumSet.of(RECEIVED, CANCELLED);
            case RECEIVED, CANCELLED -> EnumSet.noneOf(PartRequestStatus.class);
        };
    }
}
