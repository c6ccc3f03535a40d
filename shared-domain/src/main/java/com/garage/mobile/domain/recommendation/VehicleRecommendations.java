package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.recommendation.DueService.Assessment;
import com.garage.mobile.domain.recommendation.DueService.LastDone;
import com.garage.mobile.domain.recommendation.RecommendationStore.Opened;
import com.garage.mobile.domain.telemetry.DailyMileage;
import com.garage.mobile.domain.telemetry.OdometerReading;
import com.garage.mobile.domain.telemetry.TelemetryConfig;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Works out a vehicle's recommendations from the rules (due services by predicted mileage and time,
 * declined work to follow up, open recalls) and stores them ({@link RecommendationStore}). Called
 * after telemetry arrives, when the customer opens them, and by the daily sweep.
 */
@ApplicationScoped
public class VehicleRecommendations {

    /** A recall's subject: this and the campaign number. */
    public static final String RECALL_SUBJECT = "recall:";
    /** The evidence key of a recall recommendation's campaign. */
    public static final String RECALL_ID = "recallId";

    private final Pool pool;
    private final VehicleFactsReader facts;
    private final ServiceIntervals intervals;
    private final ManufacturerSchedules schedules;
    private final RecallSource recalls;
    private final RecommendationStore store;
    private final RecommendationEventPublisher events;
    private final RecommendationConfig config;
    private final TelemetryConfig telemetry;
    private final GarageClock clock;

    public VehicleRecommendations(Pool pool, VehicleFactsReader facts, ServiceIntervals intervals,
            ManufacturerSchedules schedules, RecallSource recalls, RecommendationStore store,
            RecommendationEventPublisher events, RecommendationConfig config, TelemetryConfig telemetry,
            GarageClock clock) {
        this.pool = pool;
        this.facts = facts;
        this.intervals = intervals;
        this.schedules = schedules;
        this.recalls = recalls;
        this.store = store;
        this.events = events;
        this.config = config;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /**
     * Refreshes the stored recommendations; those that opened now are the answer and, in the same transaction, an
     * event of the live channel's {@code recommendation} topic, handed to every pod after commit.
     */
    public Uni<List<Opened>> refresh(UUID garageId, UUID vehicleId) {
        Instant now = clock.now();
        return facts.read(garageId, vehicleId, now.minus(config.declinedFollowUp()))
                .chain(known -> candidates(known, now).chain(candidates -> pool.withTransaction(connection -> connection
                        .preparedQuery("select pg_advisory_xact_lock(hashtextextended('recommendation:' || $1, 0))")
                        .execute(Tuple.of(vehicleId.toString()))
                        .chain(() -> store.sync(connection, known.vehicle(), candidates, now))
                        .call(opened -> announce(connection, known.vehicle(), opened, now)))))
                .call(opened -> opened.isEmpty() ? Uni.createFrom().voidItem() : events.publishPending(vehicleId));
    }

    private static Uni<Void> announce(SqlConnection connection, VehicleRef vehicle, List<Opened> opened, Instant now) {
        if (opened.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        insert into recommendation_event (garage_id, customer_id, vehicle_id, recommendation_ids,
                            occurred_at) values ($1, $2, $3, $4, $5)""")
                .execute(Tuple.of(vehicle.garageId(), vehicle.customerId(), vehicle.vehicleId(),
                        opened.stream().map(Opened::id).toArray(UUID[]::new), now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** The services due on the vehicle now, as assessed for the technician's and the advisor's screens. */
    public Uni<List<Assessment>> dueServices(VehicleFacts known, Instant now) {
        return applicableIntervals(known.vehicle()).map(all -> due(known, all, now));
    }

    private Uni<List<Candidate>> candidates(VehicleFacts known, Instant now) {
        return dueServices(known, now).chain(due -> recalls.openRecalls(known.vehicle()).map(open -> {
            List<Candidate> all = new ArrayList<>(DueServices.candidates(due));
            all.addAll(DeclinedFollowUps.of(known.declined()));
            open.forEach(recall -> all.add(new Candidate(RecommendationKind.SAFETY_RECALL, RECALL_SUBJECT + recall.id(),
                    recall.title(), List.of("The manufacturer has an open safety recall for this vehicle (" + recall.id()
                            + ").", "Remedy: " + recall.remedy()), Map.of(RECALL_ID, recall.id()), null)));
            return List.copyOf(all);
        }));
    }

    private Uni<List<ServiceInterval>> applicableIntervals(VehicleRef vehicle) {
        return intervals.of(vehicle.garageId()).chain(own -> schedules.forVehicle(vehicle).map(maker -> {
            Map<String, ServiceInterval> byCode = new LinkedHashMap<>();
            maker.forEach(interval -> byCode.put(interval.code(), interval));
            own.forEach(interval -> byCode.put(interval.code(), interval));
            return List.copyOf(byCode.values());
        }));
    }

    /** Without a single odometer (reading or check-in) the rules have no basis: nothing is said rather than guessed. */
    private List<Assessment> due(VehicleFacts known, List<ServiceInterval> all, Instant now) {
        if (known.readings().isEmpty()) {
            return List.of();
        }
        DailyMileage.Estimate mileage = DailyMileage.estimate(known.readings(), now, known.vehicle().modelYear(),
                telemetry.mileageWindowDays(), telemetry.minSpanDays(), telemetry.defaultKmPerDay());
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        // What the garage knows starts with its first odometer of the vehicle: a service never recorded
        // here counts from then, not from zero or the model year, which would make every old car overdue.
        OdometerReading first = known.readings().stream().min(Comparator.comparing(OdometerReading::at)).orElseThrow();
        LastDone firstKnown = new LastDone(first.at().atOffset(ZoneOffset.UTC).toLocalDate(), first.km());
        return DueServices.assess(all, known.visits(), mileage.predictedKm(today), mileage.kmPerDay(), today, firstKnown,
                config.dueHorizonDays());
    }
}
