package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobEvent;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A clock left running passes the estimate without anyone stopping it: every pod checks the jobs
 * with running work each minute, as the garage's system through the scheduler channel. The claim in
 * {@link OverrunWatch} keeps it to one flag per job and estimate.
 */
@ApplicationScoped
public class OverrunCheck {

    public static final String JOB = "time-overrun-check";
    private static final Logger LOG = Logger.getLogger(OverrunCheck.class);

    private final OverrunWatch watch;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public OverrunCheck(OverrunWatch watch, JobEventPublisher stream, GarageClock clock) {
        this.watch = watch;
        this.stream = stream;
        this.clock = clock;
    }

    @Scheduled(every = "${garage.clock.overrun-check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return checkRunning().onFailure().invoke(e -> LOG.warnf("Time overrun check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass: says how many jobs it flagged. */
    public Uni<Integer> checkRunning() {
        Instant now = clock.now();
        Origin pass = Origin.scheduler(JOB, UUID.randomUUID().toString());
        return Panache.withSession(OverrunWatch::runningWork)
                .map(running -> running.stream().map(entry -> entry.jobId).distinct().toList())
                .chain(jobIds -> Multi.createFrom().iterable(jobIds)
                        .onItem().transformToUniAndConcatenate(jobId -> checkOne(jobId, pass, now))
                        .filter(Optional::isPresent).collect().asList())
                .map(List::size);
    }

    private Uni<Optional<JobEvent>> checkOne(UUID jobId, Origin pass, Instant now) {
        return Panache.withTransaction(() -> JobCard.<JobCard>findById(jobId)
                        .chain(job -> watch.check(Actor.system(job.garageId, pass), job, now)))
                .call(flagged -> flagged.isPresent() ? stream.publish(List.of(flagged.get().message()))
                        : Uni.createFrom().voidItem());
    }
}
