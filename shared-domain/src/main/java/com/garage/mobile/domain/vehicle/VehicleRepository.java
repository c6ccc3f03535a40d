package com.garage.mobile.domain.vehicle;

import com.garage.mobile.domain.paging.CustomerPages;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VehicleRepository implements PanacheRepositoryBase<Vehicle, UUID> {

    /** A customer's vehicles, newest first, from a cursor on; fetches one extra row. */
    public Uni<List<Vehicle>> pageOfCustomer(UUID garageId, UUID customerId, PageCursor after, int limit) {
        return CustomerPages.newestFirst(this, "createdAt", garageId, customerId, after, limit);
    }

    public Uni<Vehicle> requireOfCustomer(UUID garageId, UUID customerId, UUID id) {
        return find("garageId = ?1 and customerId = ?2 and id = ?3", garageId, customerId, id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Vehicle"));
    }

    public Uni<List<Vehicle>> findAll(UUID garageId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("garageId = ?1 and array_has(?2, id)", garageId, ids.toArray(UUID[]::new));
    }
}
