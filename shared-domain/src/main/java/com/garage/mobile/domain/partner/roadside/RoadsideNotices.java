package com.garage.mobile.domain.partner.roadside;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;

/** Port the platform fills: the customer's push (ROADSIDE category) when their request moved, in the caller's transaction. */
public interface RoadsideNotices {

    Uni<Void> moved(SqlConnection connection, RoadsideRequest request, RoadsideStatus previous, boolean byCustomer,
            Instant now);
}
