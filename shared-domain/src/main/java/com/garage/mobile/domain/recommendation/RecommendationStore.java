package com.garage.mobile.domain.recommendation;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps a vehicle's stored recommendations in step with what the rules say now, in the caller's
 * transaction: a new subject is inserted OPEN, or HELD_OUT for a customer in the holdout of its kind's
 * experiment ({@link RecommendationHoldouts}); a known one gets its current reasons; a dismissed or
 * snoozed one whose quiet time has passed opens again, as does a held-out one once its customer is no
 * longer held out; an OPEN or HELD_OUT one the rules no longer make is RESOLVED (the service was done,
 * the declined work was approved later). Accepted and booked ones keep their state: the measures
 * follow them.
 */
@ApplicationScoped
public class RecommendationStore {

    private static final String OPEN = "OPEN";
    private static final String HELD_OUT = "HELD_OUT";

    private final RecommendationHoldouts holdouts;

    public RecommendationStore(RecommendationHoldouts holdouts) {
        this.holdouts = holdouts;
    }

    /** A recommendation that opened in this refresh (new, or back after its quiet time), and whose it is. */
    public record Opened(UUID id, RecommendationKind kind, UUID customerId) {
    }

    private record Existing(UUID id, String status, Instant quietUntil) {
    }

    public Uni<List<Opened>> sync(SqlConnection connection, VehicleRef vehicle, List<Candidate> candidates,
            Instant now) {
        return connection.preparedQuery("select id, subject, status, quiet_until from recommendation"
                        + " where garage_id = $1 and vehicle_id = $2 for update")
                .execute(Tuple.of(vehicle.garageId(), vehicle.vehicleId()))
                .map(rows -> {
                    Map<String, Existing> existing = new HashMap<>();
                    rows.forEach(row -> existing.put(row.getString("subject"), new Existing(row.getUUID("id"),
                            row.getString("status"), Optional.ofNullable(row.getOffsetDateTime("quiet_until"))
                                    .map(OffsetDateTime::toInstant).orElse(null))));
                    return existing;
                })
                .chain(existing -> holdouts.heldOut(vehicle, candidates.stream().map(Candidate::kind)
                                .collect(Collectors.toSet()))
                        .chain(heldOut -> Multi.createFrom().iterable(candidates)
                                .onItem().transformToUniAndConcatenate(candidate -> upsert(connection, vehicle,
                                        candidate, existing.get(candidate.subject()),
                                        heldOut.contains(candidate.kind()) ? HELD_OUT : OPEN, now))
                                .filter(Optional::isPresent).map(Optional::get).collect().asList())
                        .call(() -> resolve(connection, existing, candidates, now)));
    }

    /** {@code opensAs}: OPEN, or HELD_OUT while the customer is in the holdout of the candidate's kind. */
    private static Uni<Optional<Opened>> upsert(SqlConnection connection, VehicleRef vehicle, Candidate candidate,
            Existing existing, String opensAs, Instant now) {
        JsonArray reasons = new JsonArray(candidate.reasons());
        JsonObject evidence = new JsonObject(candidate.evidence());
        Optional<Opened> opened = opensAs.equals(OPEN)
                ? Optional.of(new Opened(existing == null ? UUID.randomUUID() : existing.id(), candidate.kind(),
                        vehicle.customerId()))
                : Optional.empty();
        if (existing == null) {
            UUID id = opened.map(Opened::id).orElseGet(UUID::randomUUID);
            return connection.preparedQuery("""
                    insert into recommendation (id, garage_id, vehicle_id, customer_id, kind, subject, title, reasons,
                        evidence, due_on, status, created_at, updated_at)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)""")
                    .execute(Tuple.from(new Object[] {id, vehicle.garageId(), vehicle.vehicleId(), vehicle.customerId(),
                            candidate.kind().name(), candidate.subject(), candidate.title(), reasons, evidence,
                            candidate.dueOn(), opensAs, at(now)}))
                    .chain(() -> candidate.kind() == RecommendationKind.SAFETY_RECALL
                            ? bookedAlready(connection, id) : Uni.createFrom().item(false))
                    .map(booked -> booked ? Optional.<Opened>empty() : opened);
        }
        boolean quietTimeOver = Set.of("DISMISSED", "SNOOZED").contains(existing.status())
                && existing.quietUntil() != null && !existing.quietUntil().isAfter(now);
        boolean reopens = quietTimeOver || "RESOLVED".equals(existing.status())
                || HELD_OUT.equals(existing.status()) && opensAs.equals(OPEN);
        return connection.preparedQuery("""
                update recommendation set title = $2, reasons = $3, evidence = $4, due_on = $5,
                    status = case when $6 then $8 else status end,
                    quiet_until = case when $6 then null else quiet_until end,
                    version = version + case when $6 or reasons <> $3 or title <> $2 then 1 else 0 end,
                    updated_at = $7
                where id = $1""")
                .execute(Tuple.from(new Object[] {existing.id(), candidate.title(), reasons, evidence,
                        candidate.dueOn(), reopens, at(now), opensAs}))
                .map(rows -> reopens ? opened : Optional.empty());
    }

    private static Uni<Void> resolve(SqlConnection connection, Map<String, Existing> existing,
            List<Candidate> candidates, Instant now) {
        Set<String> current = candidates.stream().map(Candidate::subject).collect(Collectors.toSet());
        UUID[] gone = existing.entrySet().stream()
                .filter(entry -> !current.contains(entry.getKey())
                        && Set.of(OPEN, HELD_OUT).contains(entry.getValue().status()))
                .map(entry -> entry.getValue().id()).toArray(UUID[]::new);
        if (gone.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update recommendation set status = 'RESOLVED', version = version + 1,"
                + " updated_at = $2 where id = any($1)").execute(Tuple.of(gone, at(now))).replaceWithVoid();
    }

    /**
     * A recall the customer booked by tapping it in the programmes before its recommendation existed: the new
     * recommendation is BOOKED with that appointment, not offered again. It prompted nothing, so no outcome.
     */
    private static Uni<Boolean> bookedAlready(SqlConnection connection, UUID id) {
        return connection.preparedQuery("""
                update recommendation r set status = 'BOOKED', appointment_id = v.appointment_id
                from vehicle_recall v
                where r.id = $1 and v.vehicle_id = r.vehicle_id and r.subject = $2 || v.campaign
                  and v.appointment_id is not null""")
                .execute(Tuple.of(id, VehicleRecommendations.RECALL_SUBJECT))
                .map(rows -> rows.rowCount() > 0);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
