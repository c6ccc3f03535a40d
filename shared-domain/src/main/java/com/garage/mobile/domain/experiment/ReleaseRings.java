package com.garage.mobile.domain.experiment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import io.smallrye.mutiny.Uni;

/**
 * The release ring a person's build is in, for experiments that target rings; release management
 * fills it ({@code domain.releases.ExperimentRings}).
 */
public interface ReleaseRings {

    /** The ring's name, or a null item for none. */
    Uni<String> ringOf(Actor actor, AppBuild build);
}
