package com.garage.mobile.domain.recommendation;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Open safety recalls for a vehicle, where a partner connector knows them ({@link PartnerRecalls}:
 * only for a garage that offers a recalls partner; others get none rather than a made-up one).
 */
public interface RecallSource {

    /** A recall: the maker's or authority's id, what it is about and the remedy. */
    record Recall(String id, String title, String remedy) {
    }

    Uni<List<Recall>> openRecalls(VehicleRef vehicle);
}
