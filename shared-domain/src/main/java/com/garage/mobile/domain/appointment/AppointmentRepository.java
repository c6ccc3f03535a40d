package com.garage.mobile.domain.appointment;

import com.garage.mobile.domain.paging.CustomerPages;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** A customer's appointments, newest first, from a cursor on; fetches one extra row. */
    public Uni<List<Appointment>> pageOfCustomer(UUID garageId, UUID customerId, PageCursor after, int limit) {
        return CustomerPages.newestFirst(this, "startsAt", garageId, customerId, after, limit);
    }

    public Uni<Appointment> requireOfCustomer(UUID garageId, UUID customerId, UUID id) {
        return find("garageId = ?1 and customerId = ?2 and id = ?3", garageId, customerId, id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Appointment"));
    }
}
