package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.releases.ReleaseAlerts.Kind;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds every running rollout to its release's crash budget: one that breaks it is halted where it
 * stands, as the registering garage's system, and admins are told why with the figures. Small
 * samples never halt ({@link CrashBudget}); resuming is left to a person.
 */
@ApplicationScoped
public class AutomaticHalt {

    public static final String JOB = "release-rollout-watch";
    private static final String RUNNING = "select " + Release.COLUMNS + ", " + Rollout.COLUMNS + """
             from release_rollout o join app_release r on r.id = o.release_id
            where o.running_since is not null and r.store_status = 'AVAILABLE'""";

    /** A rollout this pass halted, with the figures that broke its budget and its percentage then. */
    public record Halt(Release release, Ring ring, HealthFigures figures, int percentBp) {
    }

    private final Pool pool;
    private final ReleaseHealth health;
    private final ReleaseRollouts rollouts;
    private final ReleaseAlerts alerts;
    private final ReleasesConfig config;

    public AutomaticHalt(Pool pool, ReleaseHealth health, ReleaseRollouts rollouts, ReleaseAlerts alerts,
            ReleasesConfig config) {
        this.pool = pool;
        this.health = health;
        this.rollouts = rollouts;
        this.alerts = alerts;
        this.config = config;
    }

    /** One pass at {@code now}: the rollouts it halted. */
    public Uni<List<Halt>> evaluate(Instant now, String run) {
        return pool.query(RUNNING).execute().map(rows -> {
                    List<Row> running = new ArrayList<>();
                    rows.forEach(running::add);
                    return running;
                })
                .chain(running -> Multi.createFrom().iterable(running)
                        .onItem().transformToUniAndConcatenate(row -> judge(Release.of(row), Rollout.of(row), now, run))
                        .filter(Optional::isPresent).map(Optional::get).collect().asList());
    }

    private Uni<Optional<Halt>> judge(Release release, Rollout rollout, Instant now, String run) {
        return health.figures(release.id(), rollout.ring()).chain(figures -> {
            if (release.budget().judge(figures.sessions(), figures.crashedSessions()) != CrashBudget.Verdict.BROKEN) {
                return Uni.createFrom().item(Optional.<Halt>empty());
            }
            Halt halt = new Halt(release, rollout.ring(), figures,
                    rollout.progress().percentBpAt(now, config.schedule()));
            return halt(halt, rollout, now, run);
        });
    }

    private Uni<Optional<Halt>> halt(Halt halt, Rollout rollout, Instant now, String run) {
        Actor system = Actor.system(rollout.garageId(), Origin.scheduler(JOB, run));
        String reason = reasonOf(halt);
        return pool.withTransaction(connection -> rollouts.halt(connection, system, halt.release().id(), halt.ring(),
                        reason, now)
                .chain(halted -> !halted ? Uni.createFrom().item(Optional.<Halt>empty())
                        : alerts.raise(connection, Kind.ROLLOUT_HALTED, halt.release().id(), null, halt.ring(), reason,
                                figuresOf(halt), now).replaceWith(Optional.of(halt))));
    }

    /** Why, in the words admins read: the figures against the budget, and where the rollout stopped. */
    static String reasonOf(Halt halt) {
        HealthFigures figures = halt.figures();
        return "%s %s on %s halted at %s in %s: crash-free sessions %s below the budget of %s (%d of %d sessions crashed)"
                .formatted(halt.release().app(), halt.release().version(), halt.release().platform(),
                        percent(halt.percentBp()), halt.ring(), percent(figures.crashFreeSessionsBp()),
                        percent(halt.release().budget().crashFreeBp()), figures.crashedSessions(), figures.sessions());
    }

    private static Map<String, Object> figuresOf(Halt halt) {
        HealthFigures figures = halt.figures();
        Map<String, Object> map = new HashMap<>();
        map.put("sessions", figures.sessions());
        map.put("crashedSessions", figures.crashedSessions());
        map.put("users", figures.users());
        map.put("crashedUsers", figures.crashedUsers());
        map.put("crashFreeSessionsBp", figures.crashFreeSessionsBp());
        map.put("crashFreeUsersBp", figures.crashFreeUsersBp());
        map.put("budgetCrashFreeBp", halt.release().budget().crashFreeBp());
        map.put("budgetMinSessions", halt.release().budget().minSessions());
        map.put("percentBp", halt.percentBp());
        return map;
    }

    private static String percent(int bp) {
        return "%d.%02d %%".formatted(bp / 100, bp % 100);
    }
}
