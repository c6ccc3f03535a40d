package com.garage.mobile.customer.appconfig;

import com.garage.mobile.api.appconfig.AppConfigContribution;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.SoftwareVersion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * A part of the remote configuration that exists only in the tests: whether the app shows the
 * courtesy-car offer, which builds from 2.0 can draw. It plugs in as any feature's part does, and
 * is left out for a build that does not say its version.
 */
@ApplicationScoped
public class CourtesyCarOffer implements AppConfigContribution {

    static volatile boolean offered = true;

    @Override
    public String key() {
        return "courtesyCar";
    }

    @Override
    public Uni<?> part(Actor actor, AppBuild build) {
        if (build.version() == null) {
            return Uni.createFrom().nullItem();
        }
        boolean drawable = !build.version().isBefore(SoftwareVersion.parse("2.0"));
        return Uni.createFrom().item(Map.of("offered", offered && drawable, "garage", actor.garageId().toString()));
    }
}
