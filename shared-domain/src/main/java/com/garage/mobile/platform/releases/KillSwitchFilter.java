package com.garage.mobile.platform.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.releases.KillSwitches;
import com.garage.mobile.platform.identity.ActorAugmentor;
import com.garage.mobile.platform.identity.CurrentAppBuild;
import com.garage.mobile.platform.security.stepup.StepUpFilter;
import com.garage.mobile.platform.web.Endpoints;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Honours kill switches on the server: a {@link KillSwitched} method whose feature is turned off for
 * the caller (their build from {@code X-App-Platform}/{@code X-App-Version}, ring and garage) is
 * refused, so an app that has not yet read its remote configuration cannot use the feature either.
 */
public class KillSwitchFilter {

    public static final int PRIORITY = StepUpFilter.PRIORITY + 20;

    private final CurrentIdentityAssociation identities;
    private final CurrentAppBuild build;
    private final KillSwitches switches;
    private final Endpoints endpoints;

    public KillSwitchFilter(CurrentIdentityAssociation identities, CurrentAppBuild build, KillSwitches switches,
            Endpoints endpoints) {
        this.identities = identities;
        this.build = build;
        this.switches = switches;
        this.endpoints = endpoints;
    }

    @ServerRequestFilter(priority = PRIORITY)
    public Uni<Void> checkFeature(ContainerRequestContext context, ResourceInfo resource) {
        Optional<String> feature = endpoints.of(context, resource.getResourceMethod())
                .flatMap(endpoint -> endpoint.annotation(KillSwitched.class)).map(KillSwitched::value);
        if (feature.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().chain(identity -> {
            Actor actor = identity.getAttribute(ActorAugmentor.ACTOR_ATTRIBUTE);
            if (actor == null) {
                return Uni.createFrom().voidItem();
            }
            return switches.offFor(actor, build.get()).invoke(off -> {
                if (off.containsKey(feature.get())) {
                    String message = off.get(feature.get());
                    throw new ProblemException(ProblemType.FEATURE_TURNED_OFF, message.isBlank()
                            ? "%s is turned off for this version of the app for now.".formatted(feature.get())
                            : message);
                }
            }).replaceWithVoid();
        });
    }
}
