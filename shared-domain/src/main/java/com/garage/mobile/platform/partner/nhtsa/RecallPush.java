package com.garage.mobile.platform.partner.nhtsa;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.partner.recall.Recall;
import com.garage.mobile.domain.partner.recall.RecallNotices;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.notification.pipeline.OutboxWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A safety notification (SAFETY, operational: the customer's consent applies) for each campaign
 * found on a vehicle for the first time; {@code vehicle_recall.notified_at} makes it once, whichever
 * pod or request finds it.
 */
@ApplicationScoped
public class RecallPush implements RecallNotices {

    private static final String CLAIM = """
            insert into vehicle_recall (vehicle_id, campaign, notified_at) values ($1, $2, $3)
            on conflict (vehicle_id, campaign) do update set notified_at = excluded.notified_at
              where vehicle_recall.notified_at is null
            returning campaign""";
    private static final String VEHICLE = "select make, model, registration_plate from vehicle where id = $1";

    private final Pool pool;
    private final OutboxWriter outbox;
    private final NotificationConfig config;
    private final GarageClock clock;

    public RecallPush(Pool pool, OutboxWriter outbox, NotificationConfig config, GarageClock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<Void> found(UUID garageId, UUID customerId, UUID vehicleId, List<Recall> recalls) {
        if (recalls.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.now();
        return pool.withTransaction(connection -> connection.preparedQuery(VEHICLE).execute(Tuple.of(vehicleId))
                .map(rows -> rows.iterator().next())
                .chain(vehicle -> Multi.createFrom().iterable(recalls)
                        .onItem().transformToUniAndConcatenate(recall -> notifyOnce(connection, garageId, customerId,
                                vehicleId, vehicle.getString("make") + " " + vehicle.getString("model"), recall, now))
                        .collect().asList())
                .replaceWithVoid());
    }

    private Uni<Void> notifyOnce(SqlConnection connection, UUID garageId, UUID customerId, UUID vehicleId,
            String vehicle, Recall recall, Instant now) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(vehicleId, recall.campaignNumber(),
                        now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : outbox.write(connection, new PlannedNotification(garageId, customerId,
                                NotificationCategory.SAFETY,
                                RecallNotices.notificationKey(vehicleId, recall.campaignNumber()), null,
                                PushPriority.HIGH, "recall-" + vehicleId + "-" + recall.campaignNumber(), 1,
                                now.plus(config.ttl()), "customer.recall.found",
                                Map.of("vehicle", vehicle, "component", String.valueOf(recall.component())), Map.of(),
                                Map.of("type", "recall.found", "vehicleId", vehicleId.toString(),
                                        "campaign", recall.campaignNumber(),
                                        "link", "garage-customer://vehicles/" + vehicleId + "/programmes"), null), now)
                                .replaceWithVoid());
    }
}
