package com.garage.mobile.platform.audit;

import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.platform.web.Endpoint;
import com.garage.mobile.platform.web.Endpoints;
import com.garage.mobile.platform.web.RequestInfo;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Audits every refused, conflicting or failed mutating request that no service audited: a wrong
 * role, a missing step-up, a failing device, a rate limit, a bad body, a stale version raised at
 * commit. Services audit their own refusals (see {@link AuditedAction}); this catches the rest.
 */
public class RefusalAuditFilter {

    private final RequestInfo request;
    private final CurrentIdentityAssociation identities;
    private final SecurityAudit audit;
    private final Endpoints endpoints;

    public RefusalAuditFilter(RequestInfo request, CurrentIdentityAssociation identities, SecurityAudit audit,
            Endpoints endpoints) {
        this.request = request;
        this.identities = identities;
        this.audit = audit;
        this.endpoints = endpoints;
    }

    @ServerResponseFilter
    public Uni<Void> auditRefusal(ContainerRequestContext context, ContainerResponseContext response,
            ResourceInfo resource) {
        int status = response.getStatus();
        Optional<Endpoint> endpoint = endpoints.of(context, resource.getResourceMethod()).filter(Endpoint::isMutating);
        if (status < 400 || endpoint.isEmpty() || request.refusalAudited()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> detail = new HashMap<>();
        detail.put("status", status);
        if (response.getEntity() instanceof Problem problem) {
            detail.put("problem", problem.type());
        }
        AuditOutcome outcome = outcomeOf(status);
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .chain(identity -> audit.record(endpoint.get(), Endpoints.pathOf(context), identity, outcome, detail));
    }

    private static AuditOutcome outcomeOf(int status) {
        if (status >= 500) {
            return AuditOutcome.FAILED;
        }
        return status == 409 || status == 412 ? AuditOutcome.CONFLICT : AuditOutcome.REFUSED;
    }
}
