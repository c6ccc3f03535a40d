package com.garage.mobile.api.releases;

import com.garage.mobile.api.appconfig.AppConfigContribution;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.releases.ReleaseRings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code ring}: the person's release ring in this app (INTERNAL, BETA or PRODUCTION), for the beta switch. */
@ApplicationScoped
public class RingPart implements AppConfigContribution {

    private final ReleaseRings rings;

    public RingPart(ReleaseRings rings) {
        this.rings = rings;
    }

    @Override
    public String key() {
        return "ring";
    }

    @Override
    public Uni<?> part(Actor actor, AppBuild build) {
        return rings.ringOf(actor.personId(), build.app());
    }
}
