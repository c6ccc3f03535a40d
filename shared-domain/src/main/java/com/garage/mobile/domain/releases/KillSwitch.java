package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import java.util.UUID;

/**
 * A feature turned off for some builds: of one app, and where given only on one platform, in a
 * version range (both ends inclusive), for one ring or one garage. A switch that names a version
 * or platform does not hold for a build that does not say its own, so an app that hides its build
 * keeps its features unless the switch is for every build.
 *
 * @param platform    null: every platform
 * @param fromVersion null: from the first version
 * @param toVersion   null: up to the newest
 * @param ring        null: every ring
 * @param garageId    null: every garage
 */
public record KillSwitch(UUID id, String feature, AppAudience app, AppPlatform platform, SoftwareVersion fromVersion,
        SoftwareVersion toVersion, Ring ring, UUID garageId, String message) {

    /** Whether the switch turns its feature off for this person's build, ring and garage. */
    public boolean holdsFor(AppBuild build, Ring personsRing, UUID personsGarage) {
        if (build.app() != app || (ring != null && ring != personsRing)
                || (garageId != null && !garageId.equals(personsGarage))) {
            return false;
        }
        if (platform != null && platform != build.platform()) {
            return false;
        }
        if (fromVersion == null && toVersion == null) {
            return true;
        }
        SoftwareVersion version = build.version();
        return version != null && (fromVersion == null || !version.isBefore(fromVersion))
                && (toVersion == null || !toVersion.isBefore(version));
    }
}
