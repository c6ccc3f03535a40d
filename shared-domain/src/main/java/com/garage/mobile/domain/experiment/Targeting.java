package com.garage.mobile.domain.experiment;

import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.SoftwareVersion;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Who may enter an experiment; an empty list or a null bound allows everyone. A version bound or
 * a platform list leaves out a build that does not say its version or platform; a ring list leaves
 * out a person in no ring.
 *
 * @param minVersion the lowest version that enters (inclusive)
 * @param maxVersion the first version that no longer enters (exclusive)
 */
public record Targeting(List<UUID> garages, List<String> apps, List<String> platforms, String minVersion,
        String maxVersion, List<String> rings) {

    public Targeting {
        garages = garages == null ? List.of() : List.copyOf(garages);
        apps = apps == null ? List.of() : List.copyOf(apps);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        rings = rings == null ? List.of() : List.copyOf(rings);
    }

    public static Targeting everyone() {
        return new Targeting(List.of(), List.of(), List.of(), null, null, List.of());
    }

    /** Whether a person of the garage on the build, in the ring (null: none), may enter. */
    public boolean admits(UUID garageId, AppBuild build, String ring) {
        if (!garages.isEmpty() && !garages.contains(garageId)) {
            return false;
        }
        if (!apps.isEmpty() && !apps.contains(build.app().name().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!platforms.isEmpty() && (build.platform() == null || !platforms.contains(build.platform().value()))) {
            return false;
        }
        if (!rings.isEmpty() && (ring == null || !rings.contains(ring))) {
            return false;
        }
        return withinVersions(build.version());
    }

    private boolean withinVersions(SoftwareVersion version) {
        if (minVersion == null && maxVersion == null) {
            return true;
        }
        if (version == null) {
            return false;
        }
        return (minVersion == null || !version.isBefore(SoftwareVersion.parse(minVersion)))
                && (maxVersion == null || version.isBefore(SoftwareVersion.parse(maxVersion)));
    }
}
