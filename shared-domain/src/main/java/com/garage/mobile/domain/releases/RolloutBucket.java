package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.targeting.BucketHash;
import java.util.UUID;

/**
 * Where a person falls in a release's rollout: the bucketing hash experiments use
 * ({@link BucketHash}), salted with the release, for the purpose {@code rollout}, over the person
 * (both ids as lower-case UUID text). A person is in when their bucket is below the rollout's
 * percentage in basis points (1 % = 100). The same person always lands in the same bucket of a
 * release, so raising the percentage only adds people and a halt followed by a resume keeps the
 * same people in; salting with the release gives each release its own first 1 %. One recipe for
 * rollouts and experiments means an app SDK that buckets for itself implements it once.
 */
public final class RolloutBucket {

    private static final String PURPOSE = "rollout";

    private RolloutBucket() {
    }

    public static int of(UUID releaseId, UUID personId) {
        return BucketHash.bucket(releaseId.toString(), PURPOSE, personId.toString());
    }

    public static boolean isIn(UUID releaseId, UUID personId, int percentBp) {
        return of(releaseId, personId) < percentBp;
    }
}
