package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Experiments target the ring release management puts a person in, for the app they use. */
@ApplicationScoped
public class ExperimentRings implements com.garage.mobile.domain.experiment.ReleaseRings {

    private final ReleaseRings rings;

    public ExperimentRings(ReleaseRings rings) {
        this.rings = rings;
    }

    @Override
    public Uni<String> ringOf(Actor actor, AppBuild build) {
        return rings.ringOf(actor.personId(), build.app()).map(ring -> ring == null ? null : ring.name());
    }
}
