package com.garage.mobile.domain.partner.roadside;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * Port the platform fills: queues the partner call for a request in the caller's transaction, so it
 * goes when the transaction commits, and again until the partner takes it (the partner may be down).
 */
public interface RoadsideDispatchQueue {

    Uni<Void> dispatch(SqlConnection connection, RoadsideRequest request, Instant now);

    Uni<Void> cancel(SqlConnection connection, RoadsideRequest request, Instant now);
}
