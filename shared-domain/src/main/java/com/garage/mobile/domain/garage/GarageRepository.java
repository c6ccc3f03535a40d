package com.garage.mobile.domain.garage;

import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GarageRepository implements PanacheRepositoryBase<Garage, UUID> {

    public Uni<Garage> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Garage"));
    }
}
