package com.garage.mobile.domain.access;

import java.util.UUID;

/**
 * The person behind a request, resolved from the token and our own records: a staff member or
 * a customer of exactly one garage.
 *
 * @param personId the staff or customer row's id
 */
public record Actor(UUID garageId, String subject, ActorRole role, UUID personId, String displayName) {

    public boolean isTechnician() {
        return role == ActorRole.TECHNICIAN;
    }

    public boolean seesWholeGarage() {
        return role.capabilities().contains(Capability.GARAGE_BOARD_READ);
    }
}
