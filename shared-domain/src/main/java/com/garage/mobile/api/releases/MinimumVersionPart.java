package com.garage.mobile.api.releases;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.garage.mobile.api.appconfig.AppConfigContribution;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.releases.MinimumVersion;
import com.garage.mobile.domain.releases.MinimumVersions;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.security.posture.PosturePolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * {@code minimumVersion}: the minimum of this app on this platform and where the build stands
 * against it, from the setting the posture check refuses by, so the app shows its upgrade notice
 * (with the date and the admins' message) before it is refused.
 */
@ApplicationScoped
public class MinimumVersionPart implements AppConfigContribution {

    /** The part: {@code standing} is SUPPORTED, UPGRADE_RECOMMENDED (until {@code requiredFrom}) or UPGRADE_REQUIRED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MinimumVersionView(String minimum, Instant requiredFrom, String message,
            MinimumVersion.Standing standing) {
    }

    private final MinimumVersions minimums;
    private final PosturePolicy posture;
    private final GarageClock clock;

    public MinimumVersionPart(MinimumVersions minimums, PosturePolicy posture, GarageClock clock) {
        this.minimums = minimums;
        this.posture = posture;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "minimumVersion";
    }

    @Override
    public Uni<?> part(Actor actor, AppBuild build) {
        if (!build.known()) {
            return Uni.createFrom().nullItem();
        }
        Instant now = clock.now();
        return minimums.of(new MinimumVersions.Target(build.app(), build.platform()), posture.configuredMinimum())
                .map(rule -> rule.map(found -> new MinimumVersionView(found.minimum().toString(),
                        found.requiredFrom().equals(Instant.EPOCH) ? null : found.requiredFrom(),
                        found.message().isBlank() ? null : found.message(), found.standingOf(build.version(), now)))
                        .orElse(null));
    }
}
