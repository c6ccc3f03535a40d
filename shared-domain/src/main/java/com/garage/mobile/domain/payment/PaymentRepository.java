package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.paging.CustomerPages;
import com.garage.mobile.domain.paging.PageCursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    /** A customer's payments, newest first: their receipts and what is still in flight. Fetches one extra row. */
    public Uni<List<Payment>> pageOfCustomer(UUID garageId, UUID customerId, PageCursor after, int limit) {
        return CustomerPages.newestFirst(this, "createdAt", garageId, customerId, after, limit);
    }

    public Uni<List<Payment>> ofJob(UUID garageId, UUID jobId) {
        return list("garageId = ?1 and jobId = ?2 order by createdAt", garageId, jobId);
    }
}
