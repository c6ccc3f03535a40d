package com.garage.mobile.domain.garage;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads a garage's branding for its apps. */
@ApplicationScoped
public class BrandingQuery {

    private final GarageRepository garages;

    public BrandingQuery(GarageRepository garages) {
        this.garages = garages;
    }

    @WithSession
    public Uni<Branding> of(UUID garageId) {
        return garages.require(garageId).map(Branding::of);
    }
}
