package com.garage.mobile.domain.experiment;

import com.garage.mobile.domain.targeting.BucketHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An experiment or a feature flag of a garage: its variants and weights, who may enter, how much
 * of them is exposed, and whether it runs or was stopped with a variant shipped to everyone.
 *
 * @param exposurePercent the share of admitted units exposed; raising it adds units, never moves one
 * @param goalEvent       the analytics event whose reach after exposure is the experiment's conversion
 */
public record Experiment(UUID id, UUID garageId, String key, Kind kind, Unit unit, String salt,
        List<Variant> variants, Targeting targeting, int exposurePercent, Status status, String shippedVariant,
        String goalEvent, Instant srmFlaggedAt, long version) {

    /** An experiment is served in the app configuration's {@code experiments}, a flag in its {@code flags}. */
    public enum Kind {
        EXPERIMENT, FLAG
    }

    /** What is assigned: each person, each device, or each garage as a whole. */
    public enum Unit {
        USER, DEVICE, GARAGE
    }

    public enum Status {
        RUNNING, STOPPED
    }

    /** A flag's variant that means on. */
    public static final String ON = "on";

    /**
     * The unit's variant: the shipped one once stopped; while running, a variant by weight for a
     * unit within the exposure, nothing for one outside it. Exposure and variant hash apart, so a
     * ramp-up only adds units and keeps everyone's variant.
     */
    public Optional<String> variantFor(String unitKey) {
        if (status == Status.STOPPED) {
            return Optional.ofNullable(shippedVariant);
        }
        if (BucketHash.bucket(salt, "exposure", unitKey) >= exposurePercent * (BucketHash.BUCKETS / 100)) {
            return Optional.empty();
        }
        int bucket = BucketHash.bucket(salt, "variant", unitKey);
        int upTo = 0;
        for (Variant variant : variants) {
            upTo += variant.weight() * (BucketHash.BUCKETS / 100);
            if (bucket < upTo) {
                return Optional.of(variant.name());
            }
        }
        return Optional.empty();
    }

    public Optional<Variant> variant(String name) {
        return variants.stream().filter(variant -> variant.name().equals(name)).findFirst();
    }
}
