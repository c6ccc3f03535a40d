package com.garage.mobile.domain.partner.roadside;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.partner.PartnerCatalogue;
import com.garage.mobile.domain.partner.PartnerKind;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A customer asks for roadside help and may cancel it. The request goes to the garage's roadside
 * partner only after the customer consented to share their location and vehicle with it; the
 * partner call is queued in the same transaction ({@link RoadsideDispatchQueue}), so a partner that
 * is down delays the help but never loses the request.
 */
@ApplicationScoped
public class RoadsideRequests {

    public static final String REQUEST = "roadside.request";
    public static final String CANCEL = "roadside.cancel";
    private static final String BY_KEY = "select " + RoadsideRequest.COLUMNS
            + " from roadside_request where garage_id = $1 and customer_id = $2 and idempotency_key = $3";
    private static final String VEHICLE = "select 1 from vehicle where id = $1 and garage_id = $2 and customer_id = $3";
    private static final String INSERT = """
            insert into roadside_request (id, garage_id, customer_id, vehicle_id, partner, service, status, latitude,
                longitude, address, callback_phone, note, tow_to_garage, status_at, idempotency_key, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, 'REQUESTED', $7, $8, $9, $10, $11, $12, $13, $14, $13, $13)
            returning\s""" + RoadsideRequest.COLUMNS;
    private static final String EVENT = """
            insert into roadside_event (garage_id, customer_id, request_id, status, tow_to_garage, occurred_at)
            values ($1, $2, $3, 'REQUESTED', $4, $5)""";

    private final Pool pool;
    private final PartnerCatalogue catalogue;
    private final RoadsideLedger ledger;
    private final RoadsideQueries queries;
    private final RoadsideDispatchQueue dispatch;
    private final RoadsideEventPublisher publisher;
    private final AuditTrail audit;
    private final GarageClock clock;

    public RoadsideRequests(Pool pool, PartnerCatalogue catalogue, RoadsideLedger ledger, RoadsideQueries queries,
            RoadsideDispatchQueue dispatch, RoadsideEventPublisher publisher, AuditTrail audit, GarageClock clock) {
        this.pool = pool;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.queries = queries;
        this.dispatch = dispatch;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens the request (a replay of the same idempotency key returns the first one and changes nothing). */
    public Uni<RoadsideRequest> open(Actor customer, RoadsideDraft draft, String idempotencyKey) {
        draft.validate();
        Instant now = clock.now();
        return pool.withTransaction(connection -> existing(connection, customer, idempotencyKey)
                        .chain(found -> found != null ? Uni.createFrom().item(found)
                                : create(connection, customer, draft, idempotencyKey, now)))
                .call(request -> publisher.publishPending(request.id()));
    }

    /** The customer calls the help off; a request already ended is answered as it is. */
    public Uni<RoadsideRequest> cancel(Actor customer, UUID requestId) {
        Instant now = clock.now();
        return queries.mine(customer, requestId)
                .chain(mine -> pool.withTransaction(connection -> ledger.apply(connection, customer, requestId,
                                new RoadsideUpdate(RoadsideStatus.CANCELLED, null, null, null, now), now)
                        .call(applied -> applied.decision() instanceof RoadsideStateMachine.Apply
                                ? dispatch.cancel(connection, applied.request(), now)
                                        .chain(() -> audit.record(connection, customer, CANCEL, "roadside-request",
                                                requestId, AuditOutcome.SUCCESS, Map.of(), now))
                                : Uni.createFrom().voidItem())))
                .call(applied -> publisher.publishPending(requestId))
                .map(RoadsideLedger.Applied::request);
    }

    private static Uni<RoadsideRequest> existing(SqlConnection connection, Actor customer, String key) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return connection.preparedQuery(BY_KEY).execute(Tuple.of(customer.garageId(), customer.personId(), key))
                .map(rows -> rows.size() == 0 ? null : RoadsideRequest.of(rows.iterator().next()));
    }

    private Uni<RoadsideRequest> create(SqlConnection connection, Actor customer, RoadsideDraft draft, String key,
            Instant now) {
        return connection.preparedQuery(VEHICLE).execute(Tuple.of(draft.vehicleId(), customer.garageId(),
                        customer.personId()))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.invalidField("vehicleId", "Not one of your vehicles.");
                    }
                })
                .chain(() -> catalogue.ofKind(connection, customer.garageId(), customer.personId(), PartnerKind.ROADSIDE))
                .invoke(partner -> {
                    if (!partner.consentGiven()) {
                        throw new ProblemException(ProblemType.PARTNER_CONSENT_REQUIRED, "Agree to share your"
                                + " location and vehicle with " + partner.displayName() + " first (PUT"
                                + " /api/v1/partners/" + partner.partner() + "/consent).");
                    }
                })
                .chain(partner -> connection.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(UUID.randomUUID())
                        .addUUID(customer.garageId()).addUUID(customer.personId()).addUUID(draft.vehicleId())
                        .addString(partner.partner()).addString(draft.service().name()).addDouble(draft.latitude())
                        .addDouble(draft.longitude()).addString(draft.address()).addString(draft.callbackPhone())
                        .addString(draft.note()).addBoolean(draft.towToGarage())
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)).addString(key)))
                .map(rows -> RoadsideRequest.of(rows.iterator().next()))
                .call(request -> connection.preparedQuery(EVENT).execute(Tuple.tuple().addUUID(request.garageId())
                        .addUUID(request.customerId()).addUUID(request.id()).addBoolean(request.towToGarage())
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))))
                .call(request -> audit.record(connection, customer, REQUEST, "roadside-request", request.id(),
                        AuditOutcome.SUCCESS, Map.of("service", request.service().name(), "partner", request.partner(),
                                "towToGarage", request.towToGarage()), now))
                .call(request -> dispatch.dispatch(connection, request, now));
    }
}
