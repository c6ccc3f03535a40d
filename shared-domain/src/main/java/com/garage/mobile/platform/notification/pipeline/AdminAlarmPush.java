package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.notification.AdminAlarms;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@link AdminAlarms} through the notification outbox, with high priority, one collapse key per alarm. */
@ApplicationScoped
public class AdminAlarmPush implements AdminAlarms {

    private static final String ADMINS = "select id from staff where garage_id = $1 and active and role = 'ADMIN'";

    private final OutboxWriter outbox;
    private final NotificationConfig config;

    public AdminAlarmPush(OutboxWriter outbox, NotificationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Override
    public Uni<Integer> raise(SqlConnection connection, UUID garageId, String alarmKey, String textKey,
            Map<String, String> values, Map<String, String> data, Instant now) {
        return connection.preparedQuery(ADMINS).execute(Tuple.of(garageId))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(admin -> outbox.write(connection, new PlannedNotification(
                        garageId, admin.getUUID("id"), NotificationCategory.OPERATIONS, "alarm:" + alarmKey, null,
                        PushPriority.HIGH, "alarm-" + alarmKey, now.toEpochMilli(), now.plus(config.ttl()), textKey,
                        values, Map.of(), data, null), now))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }
}
