package com.garage.mobile.domain.notification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Tells a garage's active admins of something that needs them now, by push under
 * {@link NotificationCategory#OPERATIONS} to the devices whose owner consented; written in the
 * caller's transaction, at most once per alarm key.
 */
public interface AdminAlarms {

    /**
     * @param textKey the notification texts' key ({@code <key>.title}, {@code <key>.body}), filled from {@code values}
     * @param data    what the app needs to open the matter (type, ids, a link)
     * @return how many devices will hear of it
     */
    Uni<Integer> raise(SqlConnection connection, UUID garageId, String alarmKey, String textKey,
            Map<String, String> values, Map<String, String> data, Instant now);
}
