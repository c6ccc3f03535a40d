package com.garage.mobile.domain.experiment;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks every running, unflagged experiment's split of exposures on a schedule, so a sample ratio
 * mismatch is raised while the experiment runs, not when someone opens its results.
 */
@ApplicationScoped
public class SrmWatch {

    private static final Logger LOG = Logger.getLogger(SrmWatch.class);

    private final Pool pool;
    private final ExperimentResults results;

    public SrmWatch(Pool pool, ExperimentResults results) {
        this.pool = pool;
        this.results = results;
    }

    @Scheduled(every = "${garage.experiments.srm-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return pass().onFailure().invoke(e -> LOG.warnf("Sample ratio check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One check of every running experiment not flagged yet; answers how many are in alarm. */
    public Uni<Integer> pass() {
        return pool.query("select " + Experiments.COLUMNS + " from experiment where status = 'RUNNING'"
                        + " and kind = 'EXPERIMENT' and srm_flagged_at is null").execute()
                .map(Experiments::all)
                .chain(running -> Multi.createFrom().iterable(running)
                        .onItem().transformToUniAndConcatenate(results::report)
                        .filter(ExperimentReport::srmAlarm)
                        .collect().asList())
                .map(List::size);
    }
}
