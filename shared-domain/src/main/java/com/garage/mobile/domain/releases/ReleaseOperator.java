package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Who changes what every garage's apps get (releases, their rollouts, minimum versions, kill
 * switches for every garage, crash issues). A shared deployment names the app operator's own garage
 * in {@code garage.releases.operator-garage}: only its admins may, so one garage's admin cannot
 * block or halt every other garage's apps. A deployment that names none (one garage, or tests)
 * lets any admin.
 */
@ApplicationScoped
public class ReleaseOperator {

    private final Optional<UUID> operatorGarage;

    public ReleaseOperator(ReleasesConfig config) {
        this.operatorGarage = config.operatorGarage();
    }

    /** Passes for an admin of the operator garage (any admin when none is named); else 403. */
    public Uni<Void> require(Actor admin) {
        if (operatorGarage.isEmpty() || operatorGarage.get().equals(admin.garageId())) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                "Releases, minimum versions and kill switches for every garage are changed by the app operator's"
                        + " admins only; a kill switch for your own garage is yours to set."));
    }
}
