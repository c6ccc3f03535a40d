package com.garage.mobile.domain.access;

import com.garage.mobile.domain.garage.GarageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers "who am I" for either app. */
@ApplicationScoped
public class MeQuery {

    private final GarageRepository garages;

    public MeQuery(GarageRepository garages) {
        this.garages = garages;
    }

    @WithSession
    public Uni<MeView> of(Actor actor) {
        return garages.require(actor.garageId()).map(garage -> MeView.of(actor, garage));
    }
}
