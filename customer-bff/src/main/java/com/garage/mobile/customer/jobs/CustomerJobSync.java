package com.garage.mobile.customer.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.job.JobCardBatch;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The customer's repairs in their offline copy, in the customer's form: no internal notes, cost
 * prices or part numbers.
 */
@ApplicationScoped
class CustomerJobSync implements SyncableType {

    private final JobCardBatch jobs;

    CustomerJobSync(JobCardBatch jobs) {
        this.jobs = jobs;
    }

    @Override
    public Declaration declaration() {
        return new Declaration("job", AppAudience.CUSTOMER, 40);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own("select j.id from job_card j where j.garage_id = $1 and j.customer_id = $2"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return jobs.forCustomer(viewer.garageId(), viewer.personId(), ids)
                .map(found -> SyncRecords.byId(found, detail -> detail.job().id, CustomerJobViews::of));
    }
}
