package com.garage.mobile.platform.security.stepup;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.web.Endpoints;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link StepUp} on the matched resource method. Runs after the capability check (so a
 * caller who may not act at all still gets 403) and before the body is read.
 */
public class StepUpFilter {

    /** After the rate limit, before the device posture check. */
    public static final int PRIORITY = Priorities.AUTHORIZATION + 20;

    private final CurrentIdentityAssociation identities;
    private final StepUpPolicy policy;
    private final StepUpConfig config;
    private final Endpoints endpoints;
    private final GarageClock clock;
    private final AccessConfig access;

    public StepUpFilter(CurrentIdentityAssociation identities, StepUpPolicy policy, StepUpConfig config,
            Endpoints endpoints, GarageClock clock, AccessConfig access) {
        this.clock = clock;
        this.identities = identities;
        this.policy = policy;
        this.config = config;
        this.endpoints = endpoints;
        this.access = access;
    }

    @ServerRequestFilter(priority = PRIORITY)
    public Uni<Void> requireRecentStrongSignIn(ContainerRequestContext request, ResourceInfo resource) {
        Optional<StepUp> stepUp = endpoints.of(request, resource.getResourceMethod())
                .flatMap(endpoint -> endpoint.annotation(StepUp.class))
                .filter(required -> access.servesAnyOf(required.onlyFor()));
        if (stepUp.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> check(identity, stepUp.get())).replaceWithVoid();
    }

    private void check(SecurityIdentity identity, StepUp stepUp) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        policy.shortfall(token, clock.now()).ifPresent(shortfall -> {
            throw new StepUpRequiredException(stepUp.value(), shortfall, config.acrValues(), config.maxAge());
        });
    }
}
