package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.platform.push.PushProviders;
import com.garage.mobile.platform.push.PushResult;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Sends due outbox rows through their providers. Every pod runs it; rows are claimed with
 * {@code skip locked} and leased, so each is in one pod's hands at a time, and a crashed pod's
 * rows return when the lease ends. Gates are judged at claim time (consent, quiet hours, rate,
 * expiry); a provider failure schedules the row again with exponential backoff, and the last
 * failure makes it a dead letter. Rows of a provider without credentials stay where they are.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final int SENDS_IN_FLIGHT = 8;
    private static final String CIRCUIT_OPEN = "circuit open after: ";
    private static final String CLAIM = "select " + Delivery.COLUMNS + """

            from notification_outbox o
            join push_device d on d.id = o.device_id
            left join notification_settings s on s.person_id = o.person_id
            where ((o.status = 'PENDING' and o.next_attempt_at <= $1) or (o.status = 'SENDING' and o.lease_until < $1))
              and d.platform = any($2)
            order by o.next_attempt_at, o.id
            limit $3
            for update of o skip locked""";
    private static final String RECENT = """
            select person_id, array_agg(distinct dedupe_key) as keys, min(sent_at) as oldest
            from notification_outbox
            where person_id = any($1) and status = 'SENT' and sent_at > $2
            group by person_id""";
    private static final String EXPIRE_UNTRIED = """
            update notification_outbox set status = 'EXPIRED', last_error = 'expired before it could be sent'
            where status = 'PENDING' and attempts = 0 and expires_at <= $1""";

    private final Pool pool;
    private final PushProviders providers;
    private final DeliveryGate gate;
    private final Backoff backoff;
    private final GarageClock clock;
    private final NotificationConfig.Dispatch config;
    private final NotificationConfig.RateLimit rateLimit;
    private final AtomicBoolean running = new AtomicBoolean();

    public NotificationDispatcher(Pool pool, PushProviders providers, DeliveryGate gate, Backoff backoff,
            GarageClock clock, NotificationConfig config) {
        this.pool = pool;
        this.providers = providers;
        this.gate = gate;
        this.backoff = backoff;
        this.clock = clock;
        this.config = config.dispatch();
        this.rateLimit = config.rateLimit();
    }

    @Scheduled(every = "${garage.notifications.dispatch.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return dispatchOnce().onFailure().invoke(e -> LOG.warnf("Notification pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Starts a pass now, unless one is running. */
    public void dispatchSoon() {
        dispatchOnce().subscribe().with(count -> { }, e -> LOG.warnf("Notification dispatch failed: %s", e.getMessage()));
    }

    /** One pass: claims and handles due notifications, batch after batch; says how many it claimed. */
    public Uni<Integer> dispatchOnce() {
        if (!config.enabled() || !running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return expireUntried()
                .chain(() -> Multi.createBy().repeating().uni(this::batch).whilst(claimed -> claimed == config.batchSize())
                        .collect().with(Collectors.summingInt(Integer::intValue)))
                .eventually(() -> running.set(false));
    }

    private Uni<Void> expireUntried() {
        return pool.preparedQuery(EXPIRE_UNTRIED).execute(Tuple.of(SqlTime.at(clock.now()))).replaceWithVoid();
    }

    private Uni<Integer> batch() {
        String[] platforms = providers.enabledPlatforms();
        if (platforms.length == 0) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.now();
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(SqlTime.at(now), platforms, config.batchSize()))
                        .map(rows -> {
                            List<Delivery> claimed = new ArrayList<>();
                            rows.forEach(row -> claimed.add(Delivery.of(row)));
                            return claimed;
                        })
                        .chain(claimed -> recent(connection, claimed, now)
                                .map(recent -> gate.judge(claimed, recent, now)))
                        .call(verdicts -> apply(connection, verdicts, now)))
                .chain(verdicts -> sendAll(verdicts).replaceWith(verdicts.size()));
    }

    private Uni<Map<UUID, RecentNotifications>> recent(SqlConnection connection, List<Delivery> claimed, Instant now) {
        UUID[] people = claimed.stream().map(Delivery::personId).distinct().toArray(UUID[]::new);
        if (people.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(RECENT)
                .execute(Tuple.of(people, SqlTime.at(now.minus(rateLimit.window()))))
                .map(rows -> {
                    Map<UUID, RecentNotifications> recent = new HashMap<>();
                    for (Row row : rows) {
                        recent.put(row.getUUID("person_id"), new RecentNotifications(
                                Set.of(row.getArrayOfStrings("keys")), SqlTime.instant(row, "oldest")));
                    }
                    return recent;
                });
    }

    /** Writes every verdict but "send" as the row's new state, and leases the rows to send. */
    private Uni<Void> apply(SqlConnection connection, Map<Delivery, Verdict> verdicts, Instant now) {
        return Multi.createFrom().iterable(verdicts.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> {
                    long id = entry.getKey().id();
                    return switch (entry.getValue()) {
                        case Verdict.Send send -> OutboxUpdates.sending(connection, id, now.plus(config.lease()));
                        case Verdict.Hold hold -> OutboxUpdates.waitUntil(connection, id, hold.until(), true);
                        case Verdict.Defer defer -> OutboxUpdates.waitUntil(connection, id, defer.until(), false);
                        case Verdict.Drop drop -> OutboxUpdates.close(connection, id, drop.status(), drop.reason());
                        case Verdict.Die die -> OutboxUpdates.dead(connection, id, entry.getKey().attempts(),
                                die.reason(), now);
                    };
                })
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> sendAll(Map<Delivery, Verdict> verdicts) {
        List<Delivery> toSend = verdicts.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Verdict.Send).map(Map.Entry::getKey).toList();
        return Multi.createFrom().iterable(toSend)
                .onItem().transformToUni(this::send).merge(SENDS_IN_FLIGHT)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> send(Delivery delivery) {
        return providers.of(delivery.platform()).send(delivery.target(), delivery.message(clock.now()))
                .onItemOrFailure().transformToUni((result, failure) -> failure != null
                        ? failed(delivery, failure)
                        : answered(delivery, result))
                .onFailure().invoke(e -> LOG.warnf("Recording the delivery of notification %d failed: %s",
                        delivery.id(), e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> answered(Delivery delivery, PushResult result) {
        Instant now = clock.now();
        return switch (result) {
            case PushResult.Delivered delivered -> OutboxUpdates.sent(pool, delivery.id(), now,
                    delivered.providerMessageId());
            case PushResult.TokenRejected rejected -> pool.withTransaction(connection ->
                    OutboxUpdates.close(connection, delivery.id(), "DEVICE_GONE", rejected.reason())
                            .chain(() -> OutboxUpdates.deactivateDevice(connection, delivery.deviceId(),
                                    delivery.token(), now)))
                    .invoke(() -> LOG.infof("Deactivated %s device %s: the provider rejected its token (%s)",
                            delivery.platform(), delivery.deviceId(), rejected.reason()));
            case PushResult.Rejected rejected -> OutboxUpdates.dead(pool, delivery.id(), delivery.attempts() + 1,
                    "refused by the provider: " + rejected.reason(), now);
        };
    }

    private Uni<Void> failed(Delivery delivery, Throwable failure) {
        Instant now = clock.now();
        int attempts = delivery.attempts() + 1;
        String reason = reasonOf(failure, delivery.lastError());
        if (attempts >= config.maxAttempts()) {
            LOG.warnf("Notification %d is a dead letter after %d attempts: %s", delivery.id(), attempts, reason);
            return OutboxUpdates.dead(pool, delivery.id(), attempts, "gave up after " + attempts + " attempts: " + reason,
                    now);
        }
        return OutboxUpdates.retry(pool, delivery.id(), now.plus(backoff.after(attempts)), reason);
    }

    /** An open circuit says little; the provider's last real answer says why it opened. */
    private static String reasonOf(Throwable failure, String previous) {
        if (failure instanceof CircuitBreakerOpenException && previous != null) {
            return previous.startsWith(CIRCUIT_OPEN) ? previous : CIRCUIT_OPEN + previous;
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
