package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.partner.roadside.RoadsideNotices;
import com.garage.mobile.domain.partner.roadside.RoadsideRequest;
import com.garage.mobile.domain.partner.roadside.RoadsideStatus;
import com.garage.mobile.platform.notification.pipeline.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The customer hears of each move of their roadside request under ROADSIDE (their consent and quiet
 * hours apply as for every notification), high priority, one collapse key per request so that a
 * newer word replaces an older one still waiting. What the customer did themselves (a cancel) is not
 * pushed back to them.
 */
@ApplicationScoped
public class RoadsidePush implements RoadsideNotices {

    private static final String CONTEXT = """
            select g.name as garage, g.time_zone from garage g where g.id = $1""";

    private final OutboxWriter outbox;
    private final NotificationConfig config;

    public RoadsidePush(OutboxWriter outbox, NotificationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Override
    public Uni<Void> moved(SqlConnection connection, RoadsideRequest request, RoadsideStatus previous,
            boolean byCustomer, Instant now) {
        if (byCustomer) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(CONTEXT).execute(Tuple.of(request.garageId()))
                .map(rows -> rows.iterator().next())
                .chain(garage -> outbox.write(connection, notification(request, garage.getString("garage"),
                        garage.getString("time_zone"), now), now))
                .replaceWithVoid();
    }

    private PlannedNotification notification(RoadsideRequest request, String garage, String zone, Instant now) {
        String eta = request.etaAt() != null
                ? DateTimeFormatter.ofPattern("HH:mm").format(request.etaAt().atZone(ZoneId.of(zone))) : "";
        return new PlannedNotification(request.garageId(), request.customerId(), NotificationCategory.ROADSIDE,
                "roadside:" + request.id() + ":" + request.status() + ":" + request.version(), null, PushPriority.HIGH,
                "roadside-" + request.id(), request.version(), now.plus(config.ttl()),
                "customer.roadside." + request.status(), Map.of("garage", garage, "eta", eta), Map.of(),
                Map.of("type", "roadside.status", "requestId", request.id().toString(),
                        "status", request.status().name(), "link", "garage-customer://roadside/" + request.id()),
                null);
    }
}
