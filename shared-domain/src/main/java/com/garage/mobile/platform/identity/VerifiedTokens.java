package com.garage.mobile.platform.identity;

import com.garage.mobile.domain.time.GarageClock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once per pod rather than on every request: checking its signature and
 * parsing its claims was a quarter of the pod's CPU on a cached read. A token OIDC accepted is
 * remembered, by its exact text, until it expires (by the garage's clock) or for five minutes at
 * most; until then the same text is taken as verified. Who the person is, and whether they may
 * still act here, is not remembered with it: {@link ActorAugmentor} looks that up on every request
 * through {@link ActorCache}, which every pod clears the moment a person changes. docs/security.md
 * gives the trade-off.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private static final int REMEMBERED = 4_096;
    private static final Duration AT_MOST = Duration.ofMinutes(5);
    /** What an identity holds of the request that made it; a remembered one gets the current request's. */
    private static final Set<String> OF_THE_REQUEST = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    private final OidcIdentityProvider oidc;
    private final GarageClock clock;
    private final Cache<String, QuarkusSecurityIdentity> verified = Caffeine.newBuilder()
            .maximumSize(REMEMBERED).expireAfterWrite(AT_MOST).build();
    private final Counter remembered;
    private final Counter checked;

    public VerifiedTokens(OidcIdentityProvider oidc, GarageClock clock, MeterRegistry registry) {
        this.oidc = oidc;
        this.clock = clock;
        this.remembered = registry.counter("garage.tokens", "verification", "remembered");
        this.checked = registry.counter("garage.tokens", "verification", "checked");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of OIDC's provider, which has the default priority and verifies what this does not know. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        QuarkusSecurityIdentity known = token == null ? null : verified.getIfPresent(token);
        if (known != null && unexpired(known)) {
            remembered.increment();
            return Uni.createFrom().item(forRequest(known, routing));
        }
        checked.increment();
        return oidc.authenticate(request, context).invoke(identity -> {
            if (token != null && identity instanceof QuarkusSecurityIdentity accepted && !accepted.isAnonymous()
                    && unexpired(accepted)) {
                verified.put(token, forRequest(accepted, null));
            }
        });
    }

    private boolean unexpired(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > clock.now().getEpochSecond();
    }

    /** The identity with the given request's attributes, or none; roles, claims and permissions as verified. */
    private static QuarkusSecurityIdentity forRequest(QuarkusSecurityIdentity identity, RoutingContext routing) {
        var copy = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions());
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (!OF_THE_REQUEST.contains(attribute.getKey())) {
                copy.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        if (routing != null) {
            copy.addAttribute(RoutingContext.class.getName(), routing)
                    .addAttribute(AuthenticationRequestContext.class.getName(),
                            routing.get(AuthenticationRequestContext.class.getName()));
        }
        return copy.build();
    }
}
