package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.notification.StaffAlerts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@link StaffAlerts} through the notification outbox, with high priority, one collapse key per alert. */
@ApplicationScoped
public class StaffAlertPush implements StaffAlerts {

    private static final String STAFF = "select id from staff where garage_id = $1 and active and role = any($2)";

    private final OutboxWriter outbox;
    private final NotificationConfig config;

    public StaffAlertPush(OutboxWriter outbox, NotificationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Override
    public Uni<Integer> raise(SqlConnection connection, UUID garageId, StaffAlert alert, Instant now) {
        return connection.preparedQuery(STAFF).execute(Tuple.of(garageId, alert.audience().roles().toArray(String[]::new)))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(member -> outbox.write(connection, new PlannedNotification(
                        garageId, member.getUUID("id"), alert.category(), "alarm:" + alert.key(), null,
                        PushPriority.HIGH, "alarm-" + alert.key(), now.toEpochMilli(), now.plus(config.ttl()),
                        alert.textKey(), alert.values(), Map.of(), alert.data(), null), now))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }
}
