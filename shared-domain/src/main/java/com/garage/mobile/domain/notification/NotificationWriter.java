package com.garage.mobile.domain.notification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * Port the platform fills: writes a planned notification for each of the person's devices that
 * consented to its category, in the caller's transaction.
 */
public interface NotificationWriter {

    /** @return how many devices will get it */
    Uni<Integer> write(SqlConnection connection, PlannedNotification notification, Instant now);
}
