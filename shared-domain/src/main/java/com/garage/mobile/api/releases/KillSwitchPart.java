package com.garage.mobile.api.releases;

import com.garage.mobile.api.appconfig.AppConfigContribution;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.releases.KillSwitches;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code killSwitches}: the features turned off for this person's build, ring and garage, each with its message. */
@ApplicationScoped
public class KillSwitchPart implements AppConfigContribution {

    private final KillSwitches switches;

    public KillSwitchPart(KillSwitches switches) {
        this.switches = switches;
    }

    @Override
    public String key() {
        return "killSwitches";
    }

    @Override
    public Uni<?> part(Actor actor, AppBuild build) {
        return switches.offFor(actor, build);
    }
}
