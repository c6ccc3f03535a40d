package com.garage.mobile.domain.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The actor of the current request; only reachable behind a capability check. */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;

    public CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor get() {
        Actor actor = identity.getAttribute(ActorAugmentor.ACTOR_ATTRIBUTE);
        if (actor == null) {
            throw new ForbiddenException();
        }
        return actor;
    }
}
