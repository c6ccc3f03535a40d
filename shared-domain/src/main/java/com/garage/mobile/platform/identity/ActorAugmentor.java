package com.garage.mobile.platform.identity;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.access.AppAudience;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Attaches the {@link Actor} and its capabilities to a verified token's identity. A token whose
 * garage or person we do not know gets no capabilities, so every protected endpoint answers 403,
 * with the reason kept for the error body.
 */
@ApplicationScoped
public class ActorAugmentor implements SecurityIdentityAugmentor {

    public static final String ACTOR_ATTRIBUTE = "garage.actor";
    public static final String REFUSAL_ATTRIBUTE = "garage.refusal";
    /**
     * Who a refused token says its bearer is (garage, subject, role, no person): kept so that the
     * refusal can be audited in that garage's trail.
     */
    public static final String CLAIMED_ACTOR_ATTRIBUTE = "garage.claimed-actor";

    private final ActorCache actors;
    private final AccessConfig config;

    public ActorAugmentor(ActorCache actors, AccessConfig config) {
        this.actors = actors;
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<UUID> garageId = garageOf(token);
        if (garageId.isEmpty()) {
            return Uni.createFrom().item(refuse(identity, "The token names no valid garage."));
        }
        return lookUp(identity, garageId.get(), token.getSubject())
                .map(actor -> actor.map(found -> grant(identity, found))
                        .orElseGet(() -> claimed(refuse(identity, "You are not enrolled in this app at this garage."),
                                garageId.get(), token.getSubject())));
    }

    private Uni<Optional<Actor>> lookUp(SecurityIdentity identity, UUID garageId, String subject) {
        if (config.audience() == AppAudience.CUSTOMER) {
            return identity.hasRole(ActorRole.CUSTOMER.claimValue())
                    ? actors.customer(garageId, subject)
                    : Uni.createFrom().item(Optional.empty());
        }
        Optional<ActorRole> tokenRole = Arrays.stream(ActorRole.STAFF_BY_PRECEDENCE)
                .filter(role -> identity.hasRole(role.claimValue())).findFirst();
        if (tokenRole.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        // The staff record says what the person is at this garage; the token must grant that role too.
        return actors.staff(garageId, subject)
                .map(actor -> actor.filter(found -> identity.hasRole(found.role().claimValue())));
    }

    private Optional<UUID> garageOf(JsonWebToken token) {
        Object claim = claim(token, config.garageClaim());
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A claim from the claims OIDC parsed: asking the principal for one the MicroProfile JWT spec does not
     * name makes SmallRye JWT throw and catch an exception, with its stack trace, on every request.
     */
    private static Object claim(JsonWebToken token, String name) {
        return token instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(name)
                : token.getClaim(name);
    }

    private static SecurityIdentity grant(SecurityIdentity identity, Actor actor) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(ACTOR_ATTRIBUTE, actor)
                .addPermissionChecker(RoleCapabilities.checkOf(actor.role()))
                .build();
    }

    private static SecurityIdentity claimed(SecurityIdentity identity, UUID garageId, String subject) {
        Optional<ActorRole> role = Arrays.stream(ActorRole.GRANTED_BY_TOKENS)
                .filter(candidate -> identity.hasRole(candidate.claimValue())).findFirst();
        if (role.isEmpty() || subject == null) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(CLAIMED_ACTOR_ATTRIBUTE, new Actor(garageId, subject, role.get(), null, null)).build();
    }

    private static SecurityIdentity refuse(SecurityIdentity identity, String reason) {
        return QuarkusSecurityIdentity.builder(identity).addAttribute(REFUSAL_ATTRIBUTE, reason).build();
    }
}
