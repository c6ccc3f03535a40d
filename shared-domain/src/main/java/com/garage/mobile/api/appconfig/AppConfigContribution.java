package com.garage.mobile.api.appconfig;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import io.smallrye.mutiny.Uni;

/**
 * A feature's part of the apps' remote configuration (flags, the update offer, experiment
 * assignments…), contributed as a CDI bean from the feature's own package; {@link AppConfigResource}
 * gathers every part into one document per caller. A part is read on every app start and resume,
 * so it must be cheap. See docs/app-config.md.
 */
public interface AppConfigContribution {

    /** The part's key in the document; unique among the contributions. */
    String key();

    /** The part for this person on this build, or a null item to leave the key out. */
    Uni<?> part(Actor actor, AppBuild build);
}
