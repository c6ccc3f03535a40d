package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.experiment.ExperimentAssignments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which kinds of recommendation a customer is held out of, so that a garage measures what its prompts earn. Each
 * kind but safety recalls can run as the experiment {@code recommendation-<kind>} ({@code recommendation-service-due},
 * {@code recommendation-declined-follow-up}): a customer assigned its variant {@code holdout} is not shown, told or
 * pushed recommendations of that kind, and any other variant sees them as usual. A safety recall is never held out.
 */
@ApplicationScoped
public class RecommendationHoldouts {

    public static final String HOLDOUT = "holdout";

    private final ExperimentAssignments assignments;

    public RecommendationHoldouts(ExperimentAssignments assignments) {
        this.assignments = assignments;
    }

    public static String experimentKey(RecommendationKind kind) {
        return "recommendation-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kinds among these that the vehicle's customer is held out of; the exposures are recorded. */
    Uni<Set<RecommendationKind>> heldOut(VehicleRef vehicle, Set<RecommendationKind> kinds) {
        Map<String, RecommendationKind> byKey = kinds.stream().filter(kind -> kind != RecommendationKind.SAFETY_RECALL)
                .collect(Collectors.toMap(RecommendationHoldouts::experimentKey, Function.identity()));
        if (byKey.isEmpty() || vehicle.customerId() == null) {
            return Uni.createFrom().item(Set.of());
        }
        Actor customer = new Actor(vehicle.garageId(), null, ActorRole.CUSTOMER, vehicle.customerId(), null);
        return assignments.assignWithoutApp(customer, AppAudience.CUSTOMER, byKey::containsKey)
                .map(assigned -> assigned.entrySet().stream().filter(entry -> HOLDOUT.equals(entry.getValue()))
                        .map(entry -> byKey.get(entry.getKey())).collect(Collectors.toUnmodifiableSet()));
    }
}
