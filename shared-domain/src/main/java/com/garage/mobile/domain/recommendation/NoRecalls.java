package com.garage.mobile.domain.recommendation;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** No recall source: none known, until a partner connector replaces this bean. */
@ApplicationScoped
@DefaultBean
public class NoRecalls implements RecallSource {

    @Override
    public Uni<List<Recall>> openRecalls(VehicleRef vehicle) {
        return Uni.createFrom().item(List.of());
    }
}
