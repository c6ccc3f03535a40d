package com.garage.mobile.platform.releases;

import com.garage.mobile.domain.releases.AutomaticHalt;
import com.garage.mobile.domain.releases.ReleasesConfig;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs the automatic halt every {@code garage.releases.evaluate-every} on every pod; two pods at
 * once halt a rollout once ({@code ReleaseRollouts.halt} under the rollout's row lock).
 */
@ApplicationScoped
public class RolloutWatch {

    private static final Logger LOG = Logger.getLogger(RolloutWatch.class);

    private final AutomaticHalt halts;
    private final ReleasesConfig config;
    private final GarageClock clock;

    public RolloutWatch(AutomaticHalt halts, ReleasesConfig config, GarageClock clock) {
        this.halts = halts;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${garage.releases.evaluate-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (!config.evaluate()) {
            return Uni.createFrom().voidItem();
        }
        return evaluateOnce().onFailure().invoke(e -> LOG.warnf("Release rollout watch failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass now: the rollouts it halted. */
    public Uni<List<AutomaticHalt.Halt>> evaluateOnce() {
        return halts.evaluate(clock.now(), UUID.randomUUID().toString())
                .invoke(halted -> halted.forEach(halt -> LOG.infof("Rollout of release %s to %s halted: budget broken",
                        halt.release().id(), halt.ring())));
    }
}
