package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.partner.roadside.RoadsideDispatchQueue;
import com.garage.mobile.domain.partner.roadside.RoadsideRequest;
import com.garage.mobile.platform.outbound.RemoteUnavailableException;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import com.garage.mobile.platform.partner.PartnerHttp;
import com.garage.mobile.platform.outbox.NewWork;
import com.garage.mobile.platform.outbox.OutboundHandler;
import com.garage.mobile.platform.outbox.OutboundWork;
import com.garage.mobile.platform.outbox.Outbox;
import com.garage.mobile.platform.outbox.Outcome;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The partner calls of roadside requests, through the outbox (kind {@code roadside-call}): sending a
 * request, and calling it off. A partner that is down leaves the item to be tried again with the
 * outbox's backoff, so the request goes once the partner is back; the payload holds only ids.
 */
@ApplicationScoped
public class RoadsideCalls implements OutboundHandler, RoadsideDispatchQueue {

    public static final String KIND = "roadside-call";
    private static final Duration TTL = Duration.ofHours(6);
    private static final String REQUEST = "select " + RoadsideRequest.COLUMNS + " from roadside_request where id = $1";
    private static final String VEHICLE = """
            select vin, make, model, model_year, registration_plate, colour from vehicle where id = $1""";
    private static final String REFERENCE = "update roadside_request set partner_reference = $2 where id = $1";
    private static final String ONE_REQUEST_PER_REFERENCE = "roadside_request_partner_reference_key";

    private final Outbox outbox;
    private final Pool pool;
    private final RoadsideAdapters adapters;
    private final RoadsideUpdates updates;
    private final PartnerHttp http;
    private final Set<String> partners = ConcurrentHashMap.newKeySet();

    public RoadsideCalls(Outbox outbox, Pool pool, RoadsideAdapters adapters, RoadsideUpdates updates,
            PartnerHttp http) {
        this.outbox = outbox;
        this.pool = pool;
        this.adapters = adapters;
        this.updates = updates;
        this.http = http;
    }

    /** The partners garages offer, so that the calls of one without an endpoint wait ({@link #pausedRoutes}). */
    void learnPartners(@Observes StartupEvent startup) {
        pool.query("select distinct partner from garage_partner").execute()
                .subscribe().with(rows -> rows.forEach(row -> partners.add(row.getString("partner"))),
                        failure -> { });
    }

    /** A partner switched off (no endpoint on this pod): its calls wait unclaimed until it is configured or they expire. */
    @Override
    public Set<String> pausedRoutes() {
        return partners.stream().filter(partner -> !http.configured(partner)).collect(Collectors.toSet());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Void> dispatch(SqlConnection connection, RoadsideRequest request, Instant now) {
        return enqueue(connection, request, "dispatch", now);
    }

    @Override
    public Uni<Void> cancel(SqlConnection connection, RoadsideRequest request, Instant now) {
        return enqueue(connection, request, "cancel", now);
    }

    private Uni<Void> enqueue(SqlConnection connection, RoadsideRequest request, String action, Instant now) {
        partners.add(request.partner());
        return outbox.enqueue(connection, List.of(new NewWork(KIND, request.garageId(),
                "roadside:" + request.id() + ":" + action, request.partner(),
                new JsonObject().put("requestId", request.id().toString()).put("action", action), now, now.plus(TTL))));
    }

    @Override
    public Uni<Outcome> handle(OutboundWork work) {
        UUID requestId = UUID.fromString(work.payload().getString("requestId"));
        return pool.preparedQuery(REQUEST).execute(Tuple.of(requestId))
                .map(rows -> RoadsideRequest.of(rows.iterator().next()))
                .chain(request -> "cancel".equals(work.payload().getString("action")) ? cancel(request)
                        : dispatch(work, request))
                .onFailure(RemoteUnavailableException.class).recoverWithItem(e -> new Outcome.RetryLater(e.getMessage()))
                .onFailure(PartnerAnswerRefused.class).recoverWithItem(e -> e.garbage()
                        ? new Outcome.RetryLater(e.getMessage()) : new Outcome.GiveUp(e.getMessage()));
    }

    private Uni<Outcome> dispatch(OutboundWork work, RoadsideRequest request) {
        if (request.partnerReference() != null) {
            return Uni.createFrom().item(new Outcome.Delivered(request.partnerReference()));
        }
        if (request.status().isFinal()) {
            return Uni.createFrom().item(new Outcome.Drop("ENDED", "the request ended before it reached the partner"));
        }
        RoadsideAdapter adapter = adapters.of(request.partner());
        return vehicle(request.vehicleId())
                .chain(vehicle -> adapter.dispatch(request.partner(), request, vehicle))
                .chain(dispatched -> pool.withTransaction(connection -> connection.preparedQuery(REFERENCE)
                                .execute(Tuple.of(request.id(), dispatched.reference()))
                                .chain(() -> dispatched.update() == null ? Uni.createFrom().voidItem()
                                        : updates.apply(connection, request.partner(), dispatched.reference(),
                                                dispatched.update(), Origin.webhook(request.partner(),
                                                        "dispatch-" + work.id())).replaceWithVoid()))
                        .onFailure(RoadsideCalls::referenceTaken).transform(taken -> new PartnerAnswerRefused(
                                request.partner(), "answered with reference " + dispatched.reference()
                                        + ", which it gave another request", false))
                        .call(() -> updates.publish(request.id()))
                        .replaceWith(new Outcome.Delivered(dispatched.reference())));
    }

    private static boolean referenceTaken(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && ONE_REQUEST_PER_REFERENCE.equals(pg.getConstraint());
    }

    private Uni<Outcome> cancel(RoadsideRequest request) {
        if (request.partnerReference() == null) {
            return Uni.createFrom().item(new Outcome.Drop("NEVER_SENT", "the partner never had the request"));
        }
        return adapters.of(request.partner()).cancel(request.partner(), request.partnerReference())
                .replaceWith(new Outcome.Delivered(request.partnerReference()));
    }

    private Uni<RoadsideAdapter.VehicleFacts> vehicle(UUID vehicleId) {
        return pool.preparedQuery(VEHICLE).execute(Tuple.of(vehicleId)).map(rows -> rows.iterator().next())
                .map(row -> new RoadsideAdapter.VehicleFacts(row.getString("vin"), row.getString("make"),
                        row.getString("model"), row.getInteger("model_year"), row.getString("registration_plate"),
                        row.getString("colour")));
    }

    @Override
    public Map<String, Object> summary(JsonObject payload) {
        return Map.of("requestId", payload.getString("requestId", ""), "action", payload.getString("action", ""));
    }
}
