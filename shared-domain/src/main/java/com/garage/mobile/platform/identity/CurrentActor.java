package com.garage.mobile.platform.identity;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.platform.web.RequestInfo;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The actor of the current request, acting through this request's device, address and id;
 * only reachable behind a capability check.
 */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;
    private final RequestInfo request;

    public CurrentActor(SecurityIdentity identity, RequestInfo request) {
        this.identity = identity;
        this.request = request;
    }

    public Actor get() {
        Actor actor = identity.getAttribute(ActorAugmentor.ACTOR_ATTRIBUTE);
        if (actor == null) {
            throw new ForbiddenException();
        }
        return actor.from(Origin.app(request.deviceId(), request.clientIp(), request.requestId()));
    }
}
