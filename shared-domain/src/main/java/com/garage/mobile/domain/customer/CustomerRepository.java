package com.garage.mobile.domain.customer;

import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** The customer, if it belongs to the garage; otherwise 404, never another tenant's row. */
    public Uni<Customer> require(UUID garageId, UUID id) {
        return find("garageId = ?1 and id = ?2", garageId, id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Customer"));
    }
}
