package com.garage.mobile.architecture.broken.domain.audit;

import com.garage.mobile.architecture.broken.domain.job.LeakyJobService;

/** Depends back on the job package that depends on it. */
public class CyclicAudit {

    public void record(LeakyJobService service) {
        service.hashCode();
    }
}
