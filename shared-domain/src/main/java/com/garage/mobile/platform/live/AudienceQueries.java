package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import java.util.UUID;

/**
 * A topic's query for the events a reconnecting client missed, in one form per audience: a
 * customer's own, a technician's jobs, the whole garage for advisors and admins. Each compares its
 * audience column with the one parameter {@link #audienceOf} gives.
 */
public record AudienceQueries(String customer, String technician, String garage) {

    /** The query for the actor's audience. */
    public String forActor(Actor actor) {
        return switch (actor.role()) {
            case CUSTOMER -> customer;
            case TECHNICIAN -> technician;
            case ADVISOR, ADMIN -> garage;
            case SYSTEM -> throw new IllegalArgumentException("The garage's system holds no live session.");
        };
    }

    /** The value the audience clause compares with: the garage for those who see it all, else the person. */
    public static UUID audienceOf(Actor actor) {
        return actor.seesWholeGarage() ? actor.garageId() : actor.personId();
    }
}
