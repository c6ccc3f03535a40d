package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.analytics.PushSentFacts;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.notification.consent.QuietHours;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.OutboundHandler;
import com.garage.mobile.platform.outbox.OutboundWork;
import com.garage.mobile.platform.outbox.Outcome;
import com.garage.mobile.platform.push.PushProviders;
import com.garage.mobile.platform.push.PushResult;
import com.garage.mobile.platform.push.PushTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Push notifications as outbound work: the gates are judged when a batch is claimed (device
 * active, current consent, quiet hours, the person's rate limit), then each goes through the
 * provider of its device's platform. A provider's rejected token deactivates the device; a
 * provider without credentials pauses its platform's route.
 */
@ApplicationScoped
public class PushNotificationHandler implements OutboundHandler {

    public static final String KIND = "notification";
    private static final Logger LOG = Logger.getLogger(PushNotificationHandler.class);
    private static final String CONTEXT = """
            select o.id, o.payload->>'personId' as person_id, o.payload->>'notificationKey' as notification_key,
                   o.payload->>'category' as category, coalesce(d.active, false) as device_active,
                   coalesce((select c.granted from notification_consent c
                             where c.person_id = (o.payload->>'personId')::uuid
                               and c.category = o.payload->>'category'
                             order by c.id desc limit 1), false) as consented,
                   s.quiet_start, s.quiet_end, s.quiet_time_zone
            from outbound_work o
            left join push_device d on d.id = (o.payload->>'deviceId')::uuid
            left join notification_settings s on s.person_id = (o.payload->>'personId')::uuid
            where o.id = any($1)""";
    private static final String RECENT = """
            select payload->>'personId' as person_id, array_agg(distinct payload->>'notificationKey') as keys,
                   min(done_at) as oldest
            from outbound_work
            where kind = 'notification' and status = 'DELIVERED' and payload->>'personId' = any($1) and done_at > $2
            group by payload->>'personId'""";
    private static final String TARGET = """
            select platform, token, web_push_p256dh, web_push_auth, staff_id is not null as staff_app
            from push_device where id = $1 and active""";
    private static final String DEACTIVATE_DEVICE = """
            update push_device set active = false, deactivated_at = $3, deactivation_reason = 'PROVIDER_REJECTED',
                updated_at = $3, version = version + 1
            where id = $1 and token = $2 and active""";

    private final Pool pool;
    private final PushProviders providers;
    private final DeliveryGate gate;
    private final PushSentFacts sentFacts;
    private final GarageClock clock;
    private final NotificationConfig.RateLimit rateLimit;
    private final Duration keepFinished;

    public PushNotificationHandler(Pool pool, PushProviders providers, DeliveryGate gate, PushSentFacts sentFacts,
            GarageClock clock, NotificationConfig config) {
        this.pool = pool;
        this.providers = providers;
        this.gate = gate;
        this.sentFacts = sentFacts;
        this.clock = clock;
        this.rateLimit = config.rateLimit();
        this.keepFinished = config.keepFinished();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The rate limit and the collapse keys read only recent items; a month of them tells support what was sent. */
    @Override
    public Optional<Duration> keepFinished() {
        return Optional.of(keepFinished);
    }

    /** Platforms whose provider has no credentials: their notifications wait, and expire in the end. */
    @Override
    public Set<String> pausedRoutes() {
        return providers.disabledPlatforms();
    }

    @Override
    public Uni<Map<Long, Outcome>> screen(SqlConnection transaction, List<OutboundWork> claimed, Instant now) {
        Long[] ids = claimed.stream().map(OutboundWork::id).toArray(Long[]::new);
        return transaction.preparedQuery(CONTEXT).execute(Tuple.of(ids))
                .map(rows -> inClaimOrder(claimed, rows))
                .chain(deliveries -> recent(transaction, deliveries, now)
                        .map(recent -> outcomes(gate.judge(deliveries, recent, now))));
    }

    @Override
    public Uni<Outcome> handle(OutboundWork work) {
        NotificationPayload notification = NotificationPayload.of(work.payload());
        return pool.preparedQuery(TARGET).execute(Tuple.of(notification.deviceId()))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().item(new Outcome.Drop("DEVICE_GONE", "the device was deactivated before sending"))
                        : send(work.garageId(), notification, target(rows.iterator().next()), work.expiresAt()));
    }

    @Override
    public Map<String, Object> summary(JsonObject payload) {
        return Map.of("category", payload.getString("category"), "platform", payload.getString("platform"),
                "recipientId", payload.getString("personId"), "title", payload.getString("title"));
    }

    private Uni<Outcome> send(UUID garageId, NotificationPayload notification, PushTarget target, Instant expiresAt) {
        return providers.of(target.platform()).send(target, notification.message(expiresAt, clock.now()))
                .chain(result -> switch (result) {
                    case PushResult.Delivered delivered -> sentFacts.record(garageId, notification.personId(),
                                    notification.pushId(), notification.category().name())
                            .replaceWith(new Outcome.Delivered(delivered.providerMessageId()));
                    case PushResult.TokenRejected rejected -> deactivate(notification, target, rejected.reason())
                            .replaceWith(new Outcome.Drop("DEVICE_GONE", rejected.reason()));
                    case PushResult.Rejected rejected ->
                            Uni.createFrom().item(new Outcome.GiveUp("refused by the provider: " + rejected.reason()));
                });
    }

    /** Only while the device still holds the token we sent to: a refresh since then is kept. */
    private Uni<Void> deactivate(NotificationPayload notification, PushTarget target, String reason) {
        return pool.preparedQuery(DEACTIVATE_DEVICE)
                .execute(Tuple.of(notification.deviceId(), target.token(), SqlTime.at(clock.now())))
                .invoke(() -> LOG.infof("Deactivated %s device %s: the provider rejected its token (%s)",
                        target.platform(), notification.deviceId(), reason))
                .replaceWithVoid();
    }

    private Uni<Map<UUID, RecentNotifications>> recent(SqlConnection transaction, List<Delivery> deliveries,
            Instant now) {
        String[] people = deliveries.stream().map(delivery -> delivery.personId().toString()).distinct()
                .toArray(String[]::new);
        if (people.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return transaction.preparedQuery(RECENT)
                .execute(Tuple.of(people, SqlTime.at(now.minus(rateLimit.window()))))
                .map(rows -> {
                    Map<UUID, RecentNotifications> recent = new HashMap<>();
                    for (Row row : rows) {
                        recent.put(UUID.fromString(row.getString("person_id")), new RecentNotifications(
                                Set.of(row.getArrayOfStrings("keys")), SqlTime.instant(row, "oldest")));
                    }
                    return recent;
                });
    }

    private static List<Delivery> inClaimOrder(List<OutboundWork> claimed, RowSet<Row> rows) {
        Map<Long, Delivery> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.getLong("id"), delivery(row)));
        return claimed.stream().map(work -> byId.get(work.id())).toList();
    }

    private static Delivery delivery(Row row) {
        QuietHours quiet = row.getLocalTime("quiet_start") == null ? null : new QuietHours(
                row.getLocalTime("quiet_start"), row.getLocalTime("quiet_end"),
                ZoneId.of(row.getString("quiet_time_zone")));
        return new Delivery(row.getLong("id"), UUID.fromString(row.getString("person_id")),
                row.getString("notification_key"), NotificationCategory.valueOf(row.getString("category")),
                row.getBoolean("device_active"), row.getBoolean("consented"), quiet);
    }

    private static Map<Long, Outcome> outcomes(Map<Delivery, Verdict> verdicts) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        verdicts.forEach((delivery, verdict) -> {
            switch (verdict) {
                case Verdict.Send send -> { }
                case Verdict.Hold hold -> outcomes.put(delivery.id(), new Outcome.Wait(hold.until()));
                case Verdict.Defer defer -> outcomes.put(delivery.id(), new Outcome.Wait(defer.until()));
                case Verdict.Drop drop -> outcomes.put(delivery.id(), new Outcome.Drop(drop.status(), drop.reason()));
            }
        });
        return outcomes;
    }

    private static PushTarget target(Row row) {
        return new PushTarget(DevicePlatform.valueOf(row.getString("platform")), row.getString("token"),
                row.getString("web_push_p256dh"), row.getString("web_push_auth"), row.getBoolean("staff_app"));
    }
}
