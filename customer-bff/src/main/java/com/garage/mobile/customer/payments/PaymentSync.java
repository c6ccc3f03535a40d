package com.garage.mobile.customer.payments;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.payment.Payment;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The customer's payments in their offline copy, as receipts (never a client secret). */
@ApplicationScoped
class PaymentSync implements SyncableType {

    @Override
    public Declaration declaration() {
        return new Declaration("payment", AppAudience.CUSTOMER, 95);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own("select p.id from payment p where p.garage_id = $1 and p.customer_id = $2"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return Payment.<Payment>list("garageId = ?1 and customerId = ?2 and array_has(?3, id)", viewer.garageId(),
                        viewer.personId(), ids.toArray(UUID[]::new))
                .map(found -> SyncRecords.byId(found, p -> p.id, PaymentView::receipt));
    }
}
