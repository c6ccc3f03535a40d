package com.garage.mobile.customer.profile;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The customer's own profile in their offline copy, as the profile screen shows it. */
@ApplicationScoped
class ProfileSync implements SyncableType {

    @Override
    public Declaration declaration() {
        return new Declaration("customer", AppAudience.CUSTOMER, 10);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own("select c.id from customer c where c.garage_id = $1 and c.id = $2"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(Customer.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, c -> c.id, ProfileView::of));
    }
}
