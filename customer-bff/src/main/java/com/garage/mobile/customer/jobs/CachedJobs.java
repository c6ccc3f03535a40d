package com.garage.mobile.customer.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.garage.mobile.api.jobs.JobScreens;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobCardQueries;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.platform.cache.CacheOwner;
import com.garage.mobile.platform.cache.HotPayload;
import com.garage.mobile.platform.cache.HotPayloadCache;
import com.garage.mobile.platform.web.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The customer's job views and job list pages through the hot-payload cache, per customer. */
@ApplicationScoped
class CachedJobs {

    static final HotPayload<CustomerJobView> JOB = HotPayload.of("customer-job", CustomerJobView.class);
    static final HotPayload<Page<JobSummaryView>> LIST = HotPayload.of("customer-jobs", new TypeReference<>() {
    });

    private final JobCardQueries jobs;
    private final HotPayloadCache cache;

    CachedJobs(JobCardQueries jobs, HotPayloadCache cache) {
        this.jobs = jobs;
        this.cache = cache;
    }

    Uni<Page<JobSummaryView>> page(Actor customer, PageRequest page) {
        var cursor = page.cursor();
        return cache.get(LIST, owner(customer), (page.after() == null ? "first" : page.after()) + ":" + page.limit(),
                () -> jobs.pageOfCustomer(customer, cursor, page.limit())
                        .map(entries -> entries.map(JobSummaryView::of)));
    }

    Uni<CustomerJobView> job(Actor customer, UUID id) {
        return cache.get(JOB, owner(customer), id.toString(),
                () -> jobs.forCustomer(customer, id).map(CustomerJobViews::of));
    }

    private static CacheOwner owner(Actor customer) {
        return JobScreens.customerJobs(customer.garageId(), customer.personId());
    }
}
