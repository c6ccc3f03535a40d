package com.garage.mobile.platform.audit;

import com.garage.mobile.domain.audit.AuditListener;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.platform.web.RequestInfo;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

/** Notes on the current request, if there is one, that an audit entry was written for it. */
@ApplicationScoped
public class RequestAuditNotes implements AuditListener {

    private final RequestInfo request;

    public RequestAuditNotes(RequestInfo request) {
        this.request = request;
    }

    @Override
    public void recorded(AuditOutcome outcome) {
        if (Arc.container().requestContext().isActive()) {
            request.noteAudited(outcome);
        }
    }
}
