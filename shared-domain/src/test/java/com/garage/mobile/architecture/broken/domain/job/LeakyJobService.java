package com.garage.mobile.architecture.broken.domain.job;

import com.garage.mobile.architecture.broken.domain.audit.CyclicAudit;
import com.garage.mobile.architecture.broken.platform.web.RequestState;
import jakarta.ws.rs.core.Response;

/** Breaks every layer rule on purpose: reads request state, answers HTTP, and forms a cycle. */
public class LeakyJobService {

    public Response change(RequestState request, CyclicAudit audit) {
        audit.record(this);
        return Response.ok(request.deviceId()).build();
    }
}
