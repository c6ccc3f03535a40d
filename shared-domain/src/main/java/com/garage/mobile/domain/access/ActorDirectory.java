package com.garage.mobile.domain.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Finds the staff member or customer that a token's subject is at a garage. */
@ApplicationScoped
public class ActorDirectory {

    private static final String STAFF = """
            select id, role, display_name from staff
            where garage_id = $1 and oidc_subject = $2 and active""";
    private static final String CUSTOMER = """
            select id, first_name || ' ' || last_name as display_name from customer
            where garage_id = $1 and oidc_subject = $2""";

    private final Pool pool;

    public ActorDirectory(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Actor>> findStaff(UUID garageId, String subject) {
        return pool.preparedQuery(STAFF).execute(Tuple.of(garageId, subject))
                .map(rows -> first(rows).map(row -> new Actor(garageId, subject,
                        ActorRole.valueOf(row.getString("role")), row.getUUID("id"),
                        row.getString("display_name"))));
    }

    public Uni<Optional<Actor>> findCustomer(UUID garageId, String subject) {
        return pool.preparedQuery(CUSTOMER).execute(Tuple.of(garageId, subject))
                .map(rows -> first(rows).map(row -> new Actor(garageId, subject, ActorRole.CUSTOMER,
                        row.getUUID("id"), row.getString("display_name"))));
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
