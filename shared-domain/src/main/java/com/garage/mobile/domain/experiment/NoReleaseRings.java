package com.garage.mobile.domain.experiment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** No release rings yet: everyone is in none. Any other {@link ReleaseRings} bean replaces it. */
@DefaultBean
@ApplicationScoped
public class NoReleaseRings implements ReleaseRings {

    @Override
    public Uni<String> ringOf(Actor actor, AppBuild build) {
        return Uni.createFrom().nullItem();
    }
}
