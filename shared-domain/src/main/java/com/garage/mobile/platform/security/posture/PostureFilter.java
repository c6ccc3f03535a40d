package com.garage.mobile.platform.security.posture;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.platform.audit.SecurityAudit;
import com.garage.mobile.platform.identity.ActorAugmentor;
import com.garage.mobile.platform.security.stepup.StepUpFilter;
import com.garage.mobile.platform.web.Endpoint;
import com.garage.mobile.platform.web.Endpoints;
import com.garage.mobile.platform.web.RequestInfo;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the device behind every mutating request (except {@link PostureExempt} ones): the app's
 * attestation must verify, carry a nonce we issued to the caller, and meet the app's policy.
 * Enforcing, a failing device is refused with its reason; in audit-only mode it is logged,
 * audited as flagged and let through.
 */
public class PostureFilter {

    public static final String HEADER = "X-Device-Attestation";
    private static final Logger LOG = Logger.getLogger(PostureFilter.class);
    private static final int MAX_ATTESTATION_LENGTH = 16_384;

    private final PostureConfig config;
    private final CurrentIdentityAssociation identities;
    private final AttestationVerifier verifier;
    private final AttestationNonces nonces;
    private final PosturePolicy policy;
    private final SecurityAudit audit;
    private final RequestInfo request;
    private final Endpoints endpoints;

    public PostureFilter(PostureConfig config, CurrentIdentityAssociation identities, AttestationVerifier verifier,
            AttestationNonces nonces, PosturePolicy policy, SecurityAudit audit, RequestInfo request,
            Endpoints endpoints) {
        this.config = config;
        this.identities = identities;
        this.verifier = verifier;
        this.nonces = nonces;
        this.policy = policy;
        this.audit = audit;
        this.request = request;
        this.endpoints = endpoints;
    }

    @ServerRequestFilter(priority = StepUpFilter.PRIORITY + 10)
    public Uni<Void> checkDevice(ContainerRequestContext context, ResourceInfo resource) {
        Optional<Endpoint> endpoint = endpoints.of(context, resource.getResourceMethod())
                .filter(Endpoint::isMutating)
                .filter(matched -> matched.annotation(PostureExempt.class).isEmpty());
        if (config.mode() == PostureMode.OFF || endpoint.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().chain(identity -> {
            Actor actor = identity.getAttribute(ActorAugmentor.ACTOR_ATTRIBUTE);
            if (actor == null) {
                return Uni.createFrom().voidItem();
            }
            return check(context.getHeaderString(HEADER), actor)
                    .onFailure(ProblemException.class)
                    .recoverWithUni(failure -> failed(failure, endpoint.get(), context, identity));
        });
    }

    private Uni<Void> check(String attestation, Actor actor) {
        if (attestation == null || attestation.isBlank()) {
            return Uni.createFrom().failure(new PostureRefusal(ProblemType.ATTESTATION_MISSING,
                    "Send a device attestation in the " + HEADER + " header, made with a nonce from"
                            + " POST /api/v1/device-attestation/nonces."));
        }
        if (attestation.length() > MAX_ATTESTATION_LENGTH) {
            return Uni.createFrom().failure(new PostureRefusal(ProblemType.ATTESTATION_INVALID,
                    "The device attestation is too long."));
        }
        return verifier.verify(attestation.trim())
                .call(device -> nonces.consume(device.nonce(), actor))
                .invoke(policy::check)
                .call(policy::checkAppVersion)
                .replaceWithVoid();
    }

    private Uni<Void> failed(ProblemException failure, Endpoint endpoint, ContainerRequestContext context,
            SecurityIdentity identity) {
        if (config.mode() == PostureMode.ENFORCE) {
            return Uni.createFrom().failure(failure);
        }
        String type = failure.problem().type();
        LOG.infof("Device posture would refuse request %s: %s", request.requestId(), type);
        return audit.record(endpoint, Endpoints.pathOf(context), identity, AuditOutcome.FLAGGED,
                Map.of("problem", type, "postureMode", config.mode().name()));
    }
}
