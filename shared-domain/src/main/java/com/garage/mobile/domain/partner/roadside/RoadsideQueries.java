package com.garage.mobile.domain.partner.roadside;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads roadside requests: a customer's own, and the tows coming to the garage for its advisors. */
@ApplicationScoped
public class RoadsideQueries {

    private static final String MINE = "select " + RoadsideRequest.COLUMNS
            + " from roadside_request where garage_id = $1 and customer_id = $2 order by created_at desc limit 50";
    private static final String ONE_OF_MINE = "select " + RoadsideRequest.COLUMNS
            + " from roadside_request where id = $1 and garage_id = $2 and customer_id = $3";
    private static final String SOME_OF_MINE = "select " + RoadsideRequest.COLUMNS
            + " from roadside_request where garage_id = $1 and customer_id = $2 and id = any($3)";
    private static final String INBOUND_TOWS = "select " + RoadsideRequest.COLUMNS.replaceAll("(^|, )", "$1r.") + """
            , concat_ws(' ', v.make, v.model) as vehicle, v.registration_plate,
              c.first_name || ' ' || c.last_name as customer_name
             from roadside_request r join vehicle v on v.id = r.vehicle_id join customer c on c.id = r.customer_id
            where r.garage_id = $1 and r.tow_to_garage
              and (r.status not in ('COMPLETED', 'CANCELLED', 'GONE_ON_ARRIVAL', 'UNSUCCESSFUL') or r.updated_at > $2)
            order by r.created_at desc limit 100""";

    private final Pool pool;

    public RoadsideQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<RoadsideRequest>> mine(Actor customer) {
        return pool.preparedQuery(MINE).execute(Tuple.of(customer.garageId(), customer.personId()))
                .map(RoadsideQueries::requests);
    }

    /** One of the customer's own requests; another's is 404. */
    public Uni<RoadsideRequest> mine(Actor customer, UUID id) {
        return pool.preparedQuery(ONE_OF_MINE).execute(Tuple.of(id, customer.garageId(), customer.personId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("roadside request");
                    }
                    return RoadsideRequest.of(rows.iterator().next());
                });
    }

    /** Those of the ids that are the customer's own (the offline copy's records). */
    public Uni<List<RoadsideRequest>> mine(UUID garageId, UUID customerId, List<UUID> ids) {
        return pool.preparedQuery(SOME_OF_MINE).execute(Tuple.of(garageId, customerId, ids.toArray(UUID[]::new)))
                .map(RoadsideQueries::requests);
    }

    /** Tows to the garage still on their way, and those ended since {@code endedSince}. */
    public Uni<List<InboundTow>> inboundTows(Actor staff, java.time.Instant endedSince) {
        return pool.preparedQuery(INBOUND_TOWS).execute(Tuple.of(staff.garageId(),
                        endedSince.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> {
                    List<InboundTow> tows = new ArrayList<>();
                    rows.forEach(row -> tows.add(new InboundTow(RoadsideRequest.of(row), row.getString("vehicle"),
                            row.getString("registration_plate"), row.getString("customer_name"))));
                    return tows;
                });
    }

    private static List<RoadsideRequest> requests(RowSet<Row> rows) {
        List<RoadsideRequest> requests = new ArrayList<>();
        rows.forEach(row -> requests.add(RoadsideRequest.of(row)));
        return requests;
    }
}
