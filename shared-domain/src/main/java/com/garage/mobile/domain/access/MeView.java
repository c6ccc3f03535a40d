package com.garage.mobile.domain.access;

import com.garage.mobile.domain.garage.Garage;
import java.util.UUID;

/** Who the caller is, as both apps show it in their shell. */
public record MeView(String subject, String role, UUID personId, String displayName, GarageView garage) {

    /** The caller's garage: its name and how it keeps time and money. */
    public record GarageView(UUID id, String name, String timeZone, String currency) {
    }

    public static MeView of(Actor actor, Garage garage) {
        return new MeView(actor.subject(), actor.role().claimValue(), actor.personId(), actor.displayName(),
                new GarageView(garage.id, garage.name, garage.timeZone, garage.currency));
    }
}
