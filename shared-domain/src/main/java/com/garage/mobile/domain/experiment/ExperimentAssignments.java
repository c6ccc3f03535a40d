package com.garage.mobile.domain.experiment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.analytics.AnalyticsConfig;
import com.garage.mobile.domain.analytics.UserKeys;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The variants of a garage's experiments or flags for one person on one build, as the app
 * configuration serves them. Each running experiment that assigns the unit records its exposure,
 * once per unit ({@code on conflict do nothing}), however often the app asks.
 */
@ApplicationScoped
public class ExperimentAssignments {

    static final String EXPOSE = """
            insert into experiment_exposure (experiment_id, unit_key, variant, user_key, garage_id, exposed_at)
            select e, u, v, k, $5, $6 from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as x(e, u, v, k)
            on conflict do nothing""";

    private final Experiments experiments;
    private final ReleaseRings rings;
    private final Pool pool;
    private final GarageClock clock;
    private final UserKeys userKeys;

    public ExperimentAssignments(Experiments experiments, ReleaseRings rings, Pool pool, GarageClock clock,
            AnalyticsConfig config) {
        this.experiments = experiments;
        this.rings = rings;
        this.pool = pool;
        this.clock = clock;
        this.userKeys = new UserKeys(config.userKeySecret());
    }

    /** Each experiment (or flag) of the kind that assigns this person a variant: key → variant. */
    public Uni<Map<String, String>> assign(Actor actor, AppBuild build, Experiment.Kind kind) {
        return experiments.serving(actor.garageId()).chain(all -> {
            List<Experiment> ofKind = all.stream().filter(experiment -> experiment.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                return Uni.createFrom().item(Map.<String, String>of());
            }
            return rings.ringOf(actor, build).chain(ring -> assign(actor, build, ring, ofKind));
        });
    }

    /**
     * What the running or shipped experiments named by {@code keys} assign a person the server acts for without an
     * app asking: their build is only the app, so an experiment that targets platforms or versions leaves them out.
     * Exposures are recorded as when an app asks.
     */
    public Uni<Map<String, String>> assignWithoutApp(Actor person, AppAudience app, Predicate<String> keys) {
        return experiments.serving(person.garageId()).chain(all -> {
            List<Experiment> named = all.stream().filter(experiment -> experiment.kind() == Experiment.Kind.EXPERIMENT
                    && keys.test(experiment.key())).toList();
            if (named.isEmpty()) {
                return Uni.createFrom().item(Map.<String, String>of());
            }
            AppBuild build = new AppBuild(app, null, null);
            return rings.ringOf(person, build).chain(ring -> assign(person, build, ring, named));
        });
    }

    private Uni<Map<String, String>> assign(Actor actor, AppBuild build, String ring, List<Experiment> candidates) {
        String userKey = userKeys.of(actor.garageId(), actor.personId());
        Map<String, String> assigned = new LinkedHashMap<>();
        List<Experiment> exposed = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (Experiment experiment : candidates) {
            String unit = unitKey(experiment, actor, userKey);
            boolean admitted = experiment.status() == Experiment.Status.STOPPED
                    || experiment.targeting().admits(actor.garageId(), build, ring);
            Optional<String> variant = unit != null && admitted ? experiment.variantFor(unit) : Optional.empty();
            variant.ifPresent(name -> {
                assigned.put(experiment.key(), name);
                if (experiment.status() == Experiment.Status.RUNNING) {
                    exposed.add(experiment);
                    units.add(unit);
                }
            });
        }
        return record(actor, userKey, exposed, units, assigned).replaceWith(assigned);
    }

    private Uni<Void> record(Actor actor, String userKey, List<Experiment> exposed, List<String> units,
            Map<String, String> assigned) {
        if (exposed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = exposed.stream().map(Experiment::id).toArray(UUID[]::new);
        String[] variants = exposed.stream().map(experiment -> assigned.get(experiment.key())).toArray(String[]::new);
        String[] userKeys = exposed.stream().map(experiment -> userKey).toArray(String[]::new);
        Tuple row = Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(units.toArray(String[]::new))
                .addArrayOfString(variants).addArrayOfString(userKeys).addUUID(actor.garageId())
                .addOffsetDateTime(clock.now().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(EXPOSE).execute(row).replaceWithVoid();
    }

    /** The unit an experiment assigns for this person: their analytics key, their device, or their garage. */
    static String unitKey(Experiment experiment, Actor actor, String userKey) {
        return switch (experiment.unit()) {
            case USER -> userKey;
            case DEVICE -> actor.origin().deviceId();
            case GARAGE -> actor.garageId().toString();
        };
    }
}
