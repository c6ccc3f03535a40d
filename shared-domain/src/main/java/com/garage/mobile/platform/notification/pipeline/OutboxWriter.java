package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.notification.NotificationTexts;
import com.garage.mobile.domain.notification.NotificationWriter;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.platform.notification.dispatch.NotificationPayload;
import com.garage.mobile.platform.notification.dispatch.PushNotificationHandler;
import com.garage.mobile.platform.outbox.NewWork;
import com.garage.mobile.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a planned notification to the outbox as one item per active, consenting device of its
 * person, in the caller's transaction. An item already written for the same notification and
 * device is kept as it is, so a redelivered event never notifies twice; a pending notification
 * that a newer one with the same collapse key outranks is superseded.
 */
@ApplicationScoped
public class OutboxWriter implements NotificationWriter {

    private static final String CONSENTING_DEVICES = """
            select d.id, d.platform, d.locale from push_device d
            where d.garage_id = $1 and d.person_id = $2 and d.active
              and coalesce((select c.granted from notification_consent c
                            where c.person_id = d.person_id and c.category = $3
                            order by c.id desc limit 1), false)""";
    private static final String SUPERSEDE = """
            update outbound_work o set status = 'DROPPED', closed_as = 'SUPERSEDED', done_at = $3,
                last_error = 'superseded by a newer notification'
            where o.kind = 'notification' and o.status = 'PENDING' and o.payload->>'deviceId' = any($1)
              and o.payload->>'collapseKey' = $2
              and (o.payload->>'rank')::bigint < (
                  select max((n.payload->>'rank')::bigint) from outbound_work n
                  where n.kind = 'notification' and n.payload->>'deviceId' = o.payload->>'deviceId'
                    and n.payload->>'collapseKey' = $2)""";

    private final NotificationTexts texts;
    private final Outbox outbox;

    public OutboxWriter(NotificationTexts texts, Outbox outbox) {
        this.texts = texts;
        this.outbox = outbox;
    }

    /** Writes the items; says how many devices will get the notification. */
    @Override
    public Uni<Integer> write(SqlConnection connection, PlannedNotification notification, Instant now) {
        return write(connection, notification, now, Set.of());
    }

    /** The same, leaving out devices that learn of it otherwise (a live socket open now). */
    public Uni<Integer> write(SqlConnection connection, PlannedNotification notification, Instant now,
            Set<UUID> leaveOut) {
        return connection.preparedQuery(CONSENTING_DEVICES)
                .execute(Tuple.of(notification.garageId(), notification.personId(), notification.category().name()))
                .chain(rows -> {
                    List<NewWork> work = new ArrayList<>();
                    List<String> devices = new ArrayList<>();
                    for (Row device : rows) {
                        if (leaveOut.contains(device.getUUID("id"))) {
                            continue;
                        }
                        devices.add(device.getUUID("id").toString());
                        work.add(work(notification, device, now));
                    }
                    return outbox.enqueue(connection, work)
                            .chain(() -> supersede(connection, notification, devices, now))
                            .replaceWith(work.size());
                });
    }

    private Uni<Void> supersede(SqlConnection connection, PlannedNotification notification, List<String> devices,
            Instant now) {
        if (notification.collapseKey() == null || devices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(SUPERSEDE)
                .execute(Tuple.of(devices.toArray(String[]::new), notification.collapseKey(), SqlTime.at(now)))
                .replaceWithVoid();
    }

    private NewWork work(PlannedNotification notification, Row device, Instant now) {
        String language = texts.language(notification.language() != null ? notification.language()
                : device.getString("locale"));
        Map<String, String> values = new HashMap<>(notification.values());
        notification.localizedValues().forEach((name, key) -> values.put(name, texts.render(language, key, Map.of())));
        DevicePlatform platform = DevicePlatform.valueOf(device.getString("platform"));
        NotificationPayload payload = new NotificationPayload(notification.dedupeKey(), device.getUUID("id"),
                notification.personId(), platform, notification.jobEventId(), notification.category(),
                notification.priority(), notification.collapseKey(), notification.rank(), language,
                texts.render(language, notification.textKey() + ".title", values),
                texts.render(language, notification.textKey() + ".body", values), notification.data());
        return new NewWork(PushNotificationHandler.KIND, notification.garageId(), payload.dedupeKey(), platform.name(),
                payload.toJson(), now, notification.expiresAt());
    }
}
