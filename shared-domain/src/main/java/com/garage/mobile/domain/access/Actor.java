package com.garage.mobile.domain.access;

import java.util.UUID;

/**
 * The person behind a request, resolved from the token and our own records: a staff member or
 * a customer of exactly one garage.
 *
 * @param personId the staff or customer row's id
 * @param origin   where the change this actor makes comes from: channel, device, address, request
 */
public record Actor(UUID garageId, String subject, ActorRole role, UUID personId, String displayName,
        Origin origin) {

    public Actor(UUID garageId, String subject, ActorRole role, UUID personId, String displayName) {
        this(garageId, subject, role, personId, displayName, Origin.unknown());
    }

    /** The same person, acting through the given origin. */
    public Actor from(Origin from) {
        return new Actor(garageId, subject, role, personId, displayName, from);
    }

    public boolean isTechnician() {
        return role == ActorRole.TECHNICIAN;
    }

    public boolean seesWholeGarage() {
        return role.capabilities().contains(Capability.GARAGE_BOARD_READ);
    }
}
