package com.garage.mobile.domain.estimate;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobEvent;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.notification.consent.NotificationSettings;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Estimates the customer has not answered: after each configured delay since the current revision,
 * the job's event {@code job.estimate-unanswered} (the notification rules push a reminder to the
 * customer, with consent, and alert the advisor; advisors see it live). Not in the customer's quiet hours.
 * Every pod runs the pass as the garage's system; the claim in {@code estimate_reminder} keeps each
 * step to one reminder per revision, and a new revision starts the delays again.
 */
@ApplicationScoped
public class UnansweredEstimates {

    public static final String JOB = "estimate-reminders";
    public static final String ACTION = "job.remind-estimate";
    private static final Logger LOG = Logger.getLogger(UnansweredEstimates.class);
    // Read with the SQL client: a native select through Hibernate Reactive makes a new plan on every run
    // (docs/performance.md, seventeenth step).
    private static final String WAITING = """
            select r.job_id, r.revision, r.changed_at from estimate_revision r join job_card j on j.id = r.job_id
            where j.status not in ('READY_FOR_PICKUP', 'CLOSED', 'CANCELLED') and r.changed_at <= $1
              and exists (select 1 from estimate_line l where l.job_id = r.job_id and l.approval_status = 'PENDING'
                          and not l.awaiting_price)
              and not exists (select 1 from estimate_reminder m where m.job_id = r.job_id and m.revision = r.revision
                              and m.step = $2)
            order by r.changed_at limit 200""";
    private static final String CLAIM = """
            insert into estimate_reminder (job_id, revision, step, garage_id, reminded_at)
            select :job, :revision, :step, :garage, :at where not exists (select 1 from estimate_reminder
                where job_id = :job and revision = :revision and step >= :step)
            on conflict do nothing""";

    private final ApprovalConfig.Reminders config;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final JobEventPublisher stream;
    private final Pool pool;
    private final GarageClock clock;

    public UnansweredEstimates(ApprovalConfig config, JobEventLog events, AuditTrail audit, JobEventPublisher stream,
            Pool pool, GarageClock clock) {
        this.config = config.reminders();
        this.events = events;
        this.audit = audit;
        this.stream = stream;
        this.pool = pool;
        this.clock = clock;
    }

    @Scheduled(every = "${garage.approvals.reminders.every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (!config.enabled() || config.delays().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return remindOnce().onFailure().invoke(e -> LOG.warnf("Estimate reminder pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass: says how many reminders it sent. */
    public Uni<Integer> remindOnce() {
        Instant now = clock.now();
        Origin pass = Origin.scheduler(JOB, UUID.randomUUID().toString());
        return pool.preparedQuery(WAITING)
                .execute(Tuple.of(SqlTime.at(now.minus(config.delays().get(0))), config.delays().size() - 1))
                .chain(waiting -> Multi.createFrom().iterable(waiting)
                        .onItem().transformToUniAndConcatenate(row -> remind(row, pass, now))
                        .filter(Optional::isPresent).collect().asList())
                .map(List::size);
    }

    private Uni<Optional<JobEvent>> remind(Row row, Origin pass, Instant now) {
        UUID jobId = row.getUUID("job_id");
        int revision = row.getInteger("revision");
        Instant since = SqlTime.instant(row, "changed_at");
        int step = dueStep(Duration.between(since, now));
        return Panache.withTransaction(() -> JobCard.<JobCard>findById(jobId)
                        .chain(job -> inQuietHours(job, now).chain(quiet -> quiet
                                ? Uni.createFrom().item(Optional.<JobEvent>empty())
                                : claim(Actor.system(job.garageId, pass), job, revision, step, since, now))))
                .call(sent -> sent.isPresent() ? stream.publish(List.of(sent.get().message()))
                        : Uni.createFrom().voidItem());
    }

    /**
     * A reminder can wait: it is not sent in the customer's quiet hours (even though approvals may
     * otherwise reach them then), and a pass after the window ends sends it.
     */
    private static Uni<Boolean> inQuietHours(JobCard job, Instant now) {
        return NotificationSettings.<NotificationSettings>find("garageId = ?1 and owner.personId = ?2", job.garageId,
                        job.customerId).firstResult()
                .map(settings -> settings != null && settings.quietHours().flatMap(hours -> hours.holdUntil(now))
                        .isPresent());
    }

    /** The last reminder whose delay has passed. */
    int dueStep(Duration waited) {
        int step = 0;
        for (int i = 0; i < config.delays().size(); i++) {
            if (config.delays().get(i).compareTo(waited) <= 0) {
                step = i;
            }
        }
        return step;
    }

    private Uni<Optional<JobEvent>> claim(Actor system, JobCard job, int revision, int step, Instant since,
            Instant now) {
        Map<String, Object> detail = Map.of("revision", revision, "reminder", step + 1,
                "waitingSince", since.toString(), "lastReminder", step == config.delays().size() - 1);
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM).setParameter("job", job.id)
                        .setParameter("revision", revision).setParameter("step", step)
                        .setParameter("garage", job.garageId).setParameter("at", now).executeUpdate())
                .chain(claimed -> claimed == 0 ? Uni.createFrom().item(Optional.<JobEvent>empty())
                        : events.append(job, JobEventType.ESTIMATE_UNANSWERED, detail, system, now)
                                .call(() -> audit.record(system, ACTION, "job", job.id, AuditOutcome.SUCCESS, detail,
                                        now))
                                .map(Optional::of));
    }
}
