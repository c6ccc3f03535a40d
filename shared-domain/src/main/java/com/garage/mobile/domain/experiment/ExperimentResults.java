package com.garage.mobile.domain.experiment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.StaffAlerts;
import com.garage.mobile.domain.notification.StaffAlerts.Audience;
import com.garage.mobile.domain.notification.StaffAlerts.StaffAlert;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Counts an experiment's exposed and converted units per variant in SQL (a unit converts when its
 * person's goal event follows the exposure) and runs the statistics. A sample ratio mismatch flags
 * the experiment once ({@code srm_flagged_at}), with an audit entry by the garage's system, which
 * admins see on the experiment and in the audit trail.
 */
@ApplicationScoped
public class ExperimentResults {

    public static final String SRM_ACTION = "experiment.srm-alarm";
    private static final Logger LOG = Logger.getLogger(ExperimentResults.class);
    private static final double CONFIDENCE = 0.95;
    static final String COUNTS = """
            select x.variant, count(*) as exposed,
                   count(*) filter (where $2::text is not null and exists (
                       select 1 from analytics_event e where e.garage_id = x.garage_id and e.user_key = x.user_key
                         and e.name = $2 and e.occurred_at >= x.exposed_at)) as converted
            from experiment_exposure x where x.experiment_id = $1 group by x.variant""";

    private final Pool pool;
    private final Experiments experiments;
    private final AuditTrail audit;
    private final StaffAlerts alerts;
    private final GarageClock clock;

    public ExperimentResults(Pool pool, Experiments experiments, AuditTrail audit, StaffAlerts alerts, GarageClock clock) {
        this.pool = pool;
        this.experiments = experiments;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    public Uni<ExperimentReport> report(UUID garageId, UUID id) {
        return experiments.find(garageId, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Experiment")))
                .chain(this::report);
    }

    Uni<ExperimentReport> report(Experiment experiment) {
        return pool.preparedQuery(COUNTS).execute(Tuple.of(experiment.id(), experiment.goalEvent()))
                .map(rows -> report(experiment, rows))
                .call(report -> report.srmAlarm() && experiment.srmFlaggedAt() == null
                        ? flag(experiment, report.srmPValue()) : Uni.createFrom().voidItem());
    }

    static ExperimentReport report(Experiment experiment, Iterable<Row> rows) {
        Map<String, long[]> counts = new HashMap<>();
        rows.forEach(row -> counts.put(row.getString("variant"),
                new long[] {row.getLong("exposed"), row.getLong("converted")}));
        List<Variant> variants = experiment.variants();
        long[] exposed = new long[variants.size()];
        int[] weights = new int[variants.size()];
        List<VariantResult> results = new ArrayList<>();
        long[] control = counts.getOrDefault(variants.get(0).name(), new long[2]);
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            long[] count = counts.getOrDefault(variant.name(), new long[2]);
            exposed[i] = count[0];
            weights[i] = variant.weight();
            results.add(new VariantResult(variant.name(), variant.weight(), count[0], count[1],
                    count[0] == 0 ? 0 : (double) count[1] / count[0],
                    ExperimentStatistics.wilson(count[1], count[0], CONFIDENCE),
                    ExperimentStatistics.difference(control[1], control[0], count[1], count[0], CONFIDENCE)));
        }
        double p = ExperimentStatistics.srmPValue(exposed, weights);
        return new ExperimentReport(experiment.id(), experiment.key(), experiment.goalEvent(), results, p,
                p < ExperimentStatistics.SRM_ALARM);
    }

    private Uni<Void> flag(Experiment experiment, double pValue) {
        Instant now = clock.now();
        Actor system = Actor.system(experiment.garageId(), Origin.scheduler("srm-check", experiment.id().toString()));
        LOG.warnf("Sample ratio mismatch in experiment %s of garage %s (p = %.2e)", experiment.key(),
                experiment.garageId(), pValue);
        return pool.withTransaction(connection -> connection.preparedQuery("update experiment set srm_flagged_at = $2,"
                        + " srm_p_value = $3 where id = $1 and srm_flagged_at is null returning id")
                .execute(Tuple.of(experiment.id(), now.atOffset(ZoneOffset.UTC), pValue))
                .chain(updated -> updated.size() == 0 ? Uni.createFrom().voidItem()
                        : audit.record(connection, system, SRM_ACTION, "experiment", experiment.id(),
                                        AuditOutcome.SUCCESS, Map.of("key", experiment.key(), "pValue", pValue), now)
                                .call(() -> alerts.raise(connection, experiment.garageId(), new StaffAlert(
                                        Audience.ADMINS, NotificationCategory.OPERATIONS, "srm:" + experiment.id(),
                                        "staff.experiment.srm-alarm", Map.of("experiment", experiment.key(),
                                                "p", String.format(Locale.ROOT, "%.1e", pValue)),
                                        Map.of("type", SRM_ACTION, "experimentId", experiment.id().toString())), now))
                                .replaceWithVoid()));
    }
}
