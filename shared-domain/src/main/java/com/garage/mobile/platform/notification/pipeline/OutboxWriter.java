package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.notification.NotificationTexts;
import com.garage.mobile.domain.notification.PlannedNotification;

import com.garage.mobile.domain.notification.SqlTime;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a planned notification as one outbox row per active, consenting device of its person,
 * in the caller's transaction. A row already written for the same notification and device is
 * kept as it is, so a redelivered event never notifies twice; a pending row that a newer one
 * with the same collapse key outranks is superseded.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String CONSENTING_DEVICES = """
            select d.id, d.locale from push_device d
            where d.garage_id = $1 and d.person_id = $2 and d.active
              and coalesce((select c.granted from notification_consent c
                            where c.person_id = d.person_id and c.category = $3
                            order by c.id desc limit 1), false)""";
    private static final String INSERT = """
            insert into notification_outbox (garage_id, device_id, person_id, dedupe_key, job_event_id, category,
                priority, collapse_key, rank, language, title, body, data, ttl_seconds, expires_at, next_attempt_at,
                created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
            on conflict (dedupe_key, device_id) do nothing""";
    private static final String SUPERSEDE = """
            update notification_outbox o set status = 'SUPERSEDED'
            where o.device_id = any($1) and o.collapse_key = $2 and o.status = 'PENDING'
              and o.rank < (select max(n.rank) from notification_outbox n
                            where n.device_id = o.device_id and n.collapse_key = o.collapse_key)""";

    private final NotificationTexts texts;

    public OutboxWriter(NotificationTexts texts) {
        this.texts = texts;
    }

    /** Writes the rows; says how many devices will get the notification. */
    public Uni<Integer> write(SqlConnection connection, PlannedNotification notification, Instant now) {
        return connection.preparedQuery(CONSENTING_DEVICES)
                .execute(Tuple.of(notification.garageId(), notification.personId(), notification.category().name()))
                .chain(rows -> {
                    List<Tuple> inserts = new ArrayList<>();
                    List<UUID> devices = new ArrayList<>();
                    for (Row device : rows) {
                        devices.add(device.getUUID("id"));
                        inserts.add(row(notification, device, now));
                    }
                    if (inserts.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return connection.preparedQuery(INSERT).executeBatch(inserts)
                            .chain(() -> supersede(connection, notification, devices))
                            .replaceWith(inserts.size());
                });
    }

    private Uni<Void> supersede(SqlConnection connection, PlannedNotification notification, List<UUID> devices) {
        if (notification.collapseKey() == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(SUPERSEDE)
                .execute(Tuple.of(devices.toArray(UUID[]::new), notification.collapseKey())).replaceWithVoid();
    }

    private Tuple row(PlannedNotification notification, Row device, Instant now) {
        String language = texts.language(notification.language() != null ? notification.language()
                : device.getString("locale"));
        Map<String, String> values = new HashMap<>(notification.values());
        notification.localizedValues().forEach((name, key) -> values.put(name, texts.render(language, key, Map.of())));
        long ttlSeconds = Math.max(1, Duration.between(now, notification.expiresAt()).toSeconds());
        return Tuple.from(List.of(notification.garageId(), device.getUUID("id"), notification.personId(),
                notification.dedupeKey()))
                .addLong(notification.jobEventId())
                .addString(notification.category().name())
                .addString(notification.priority().name())
                .addString(notification.collapseKey())
                .addLong(notification.rank())
                .addString(language)
                .addString(texts.render(language, notification.textKey() + ".title", values))
                .addString(texts.render(language, notification.textKey() + ".body", values))
                .addValue(new JsonObject(new HashMap<>(notification.data())))
                .addInteger((int) Math.min(Integer.MAX_VALUE, ttlSeconds))
                .addValue(SqlTime.at(notification.expiresAt()))
                .addValue(SqlTime.at(now));
    }
}
