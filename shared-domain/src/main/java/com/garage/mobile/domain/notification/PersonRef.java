package com.garage.mobile.domain.notification;

import com.garage.mobile.domain.access.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * Whose row this is: a customer or a staff member. The database repeats the one that is set as
 * {@code person_id}, which is what queries use.
 */
@Embeddable
public class PersonRef {
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "staff_id")
    public UUID staffId;
    @Column(name = "person_id", insertable = false, updatable = false)
    public UUID personId;

    public static PersonRef of(Actor actor) {
        PersonRef ref = new PersonRef();
        if (actor.role().isStaff()) {
            ref.staffId = actor.personId();
        } else {
            ref.customerId = actor.personId();
        }
        return ref;
    }
}
