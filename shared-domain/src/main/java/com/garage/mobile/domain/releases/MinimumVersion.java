package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.SoftwareVersion;
import java.time.Instant;

/**
 * The oldest version of an app on a platform that is served: {@code minimum} from
 * {@code requiredFrom}, {@code previous} until then (the grace period), so an app below the new
 * minimum is told to upgrade, with the date and the message, before it is refused. One rule for
 * the remote configuration and the posture check.
 *
 * @param previous the minimum that holds during the grace period; null for none
 */
public record MinimumVersion(SoftwareVersion minimum, SoftwareVersion previous, Instant requiredFrom,
        String message) {

    /** What the rule says to one build. */
    public enum Standing {
        SUPPORTED,
        /** Below the coming minimum: still served until {@code requiredFrom}. */
        UPGRADE_RECOMMENDED,
        /** Below the minimum in force: refused. */
        UPGRADE_REQUIRED
    }

    /** A minimum that holds already and has no message of its own (the configured default). */
    public static MinimumVersion inForce(SoftwareVersion minimum) {
        return new MinimumVersion(minimum, null, Instant.EPOCH, "");
    }

    /** The minimum in force at {@code now}; null when none. */
    public SoftwareVersion inForceAt(Instant now) {
        return now.isBefore(requiredFrom) ? previous : minimum;
    }

    public Standing standingOf(SoftwareVersion version, Instant now) {
        SoftwareVersion enforced = inForceAt(now);
        if (enforced != null && version.isBefore(enforced)) {
            return Standing.UPGRADE_REQUIRED;
        }
        return version.isBefore(minimum) ? Standing.UPGRADE_RECOMMENDED : Standing.SUPPORTED;
    }
}
