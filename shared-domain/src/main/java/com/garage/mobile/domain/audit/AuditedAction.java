package com.garage.mobile.domain.audit;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a mutating action so that a refusal is audited too. The action audits its own success in
 * its transaction; a refusal rolls that back, so it is recorded here in a transaction of its own.
 */
@ApplicationScoped
public class AuditedAction {

    private final AuditTrail trail;

    private final GarageClock clock;

    public AuditedAction(AuditTrail trail, GarageClock clock) {
        this.clock = clock;
        this.trail = trail;
    }

    public <T> Uni<T> run(Actor actor, String action, String resourceType, Object resourceId,
            Supplier<Uni<T>> work) {
        return work.get().onFailure(ProblemException.class).call(problem ->
                Panache.withTransaction(() -> trail.record(actor, action, resourceType, resourceId,
                        outcomeOf(problem), Map.of("problem", problem.problem().type()), clock.now())));
    }

    private static AuditOutcome outcomeOf(ProblemException problem) {
        return problem.problem().status() == ProblemType.STALE_VERSION.status()
                ? AuditOutcome.CONFLICT
                : AuditOutcome.REFUSED;
    }
}
