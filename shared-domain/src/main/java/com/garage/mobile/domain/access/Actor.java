package com.garage.mobile.domain.access;

import java.util.UUID;

/**
 * Who makes a change: the person behind a request, resolved from the token and our own records (a
 * staff member or a customer of exactly one garage), or the garage's {@link #system system}.
 *
 * @param personId the staff or customer row's id; null for the system
 * @param origin   where the change this actor makes comes from: channel, device, address, request
 */
public record Actor(UUID garageId, String subject, ActorRole role, UUID personId, String displayName,
        Origin origin) {

    /** The subject every change of the garage's own system is recorded under. */
    public static final String SYSTEM_SUBJECT = "system";

    public Actor(UUID garageId, String subject, ActorRole role, UUID personId, String displayName) {
        this(garageId, subject, role, personId, displayName, Origin.unknown());
    }

    /**
     * The garage's own system, acting through a scheduled job or a partner's webhook; the origin
     * names which job run or which delivery.
     */
    public static Actor system(UUID garageId, Origin origin) {
        if (origin.channel() == Origin.Channel.APP) {
            throw new IllegalArgumentException("The system does not act through the apps: " + origin);
        }
        return new Actor(garageId, SYSTEM_SUBJECT, ActorRole.SYSTEM, null, "Garage system", origin);
    }

    /** The same person, acting through the given origin. */
    public Actor from(Origin from) {
        return new Actor(garageId, subject, role, personId, displayName, from);
    }

    public boolean isCustomer() {
        return role == ActorRole.CUSTOMER;
    }

    public boolean isTechnician() {
        return role == ActorRole.TECHNICIAN;
    }

    public boolean seesWholeGarage() {
        return role.capabilities().contains(Capability.GARAGE_BOARD_READ);
    }
}
