package com.garage.mobile.domain.appointment;

import java.util.EnumSet;
import java.util.Set;

/** An appointment's lifecycle: requested by the customer, confirmed by the garage, then kept or not. */
public enum AppointmentStatus {
    REQUESTED,
    CONFIRMED,
    CHECKED_IN,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    public Set<AppointmentStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(CHECKED_IN, CANCELLED, NO_SHOW);
            case CHECKED_IN -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED, NO_SHOW -> EnumSet.noneOf(AppointmentStatus.class);
        };
    }

    public boolean canBecome(AppointmentStatus target) {
        return next().contains(target);
    }

    /** Still ahead: the customer can move or cancel it. */
    public boolean isUpcoming() {
        return this == REQUESTED || this == CONFIRMED;
    }
}
