package com.garage.mobile.testing;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import java.util.UUID;

/** A staff member or customer created for a test, with what their token needs. */
public record Person(UUID id, UUID garageId, String subject, String role, String displayName) {

    /** The person as the domain services see them when they act. */
    public Actor actor() {
        return new Actor(garageId, subject, ActorRole.fromClaim(role).orElseThrow(), id, displayName);
    }

    /** The column naming the owner of their devices and consents: {@code customer_id} or {@code staff_id}. */
    public String ownerColumn() {
        return role.equals("customer") ? "customer_id" : "staff_id";
    }
}
