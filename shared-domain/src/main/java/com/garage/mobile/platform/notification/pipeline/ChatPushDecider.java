package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatEventMessage;
import com.garage.mobile.domain.chat.ChatPush;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.events.ChatEventStream;
import com.garage.mobile.platform.live.LivePresence;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns sent chat messages into push notifications for the devices of the channel's readers that
 * have no live socket now ({@link LivePresence}), exactly once across every pod: each message waits
 * in {@code chat_push_pending} and is claimed with {@code skip locked}, decided and marked in one
 * transaction, like job events in {@link NotificationDecider}. Consent (CHAT) is the outbox
 * writer's; quiet hours and the rate limit are the dispatcher's, as for every notification.
 */
@ApplicationScoped
public class ChatPushDecider {

    private static final Logger LOG = Logger.getLogger(ChatPushDecider.class);
    private static final String CLAIM = """
            select e.id, e.garage_id, e.conversation_id, e.channel, e.customer_id, e.technician_ids, e.type,
                   e.payload, e.occurred_at
            from chat_push_pending p join chat_event e on e.id = p.chat_event_id
            where p.decided_at is null and p.next_attempt_at <= $1 and p.attempts < $2
            order by p.chat_event_id limit $3
            for update of p skip locked""";
    /** Who may read the channel: the garage's advisors and admins, its technicians, its customer. */
    private static final String READERS = """
            select s.id, false as customer, null as language from staff s
            where s.garage_id = $1 and s.active and (s.role in ('ADVISOR', 'ADMIN') or s.id = any($2))
            union all
            select c.id, true, c.preferred_language from customer c where c.id = $3 and $4""";

    private final OutboxWriter outbox;
    private final LivePresence presence;
    private final NotificationConfig config;
    private final ChatEventStream events;
    private final PendingDecisions pending;

    public ChatPushDecider(Pool pool, OutboxWriter outbox, LivePresence presence, GarageClock clock,
            NotificationConfig config, OutboxDispatcher dispatcher, ChatEventStream events, Vertx vertx) {
        this.outbox = outbox;
        this.presence = presence;
        this.config = config;
        this.events = events;
        this.pending = new PendingDecisions("chat push", "chat_push_pending", "chat_event_id", CLAIM,
                (connection, row, now) -> decide(connection, ChatEventMessage.of(row), now), pool, clock, config,
                dispatcher, vertx);
    }

    void wakeOnMessages(@Observes StartupEvent startup) {
        events.arrivals().filter(event -> "chat.message".equals(event.type()))
                .subscribe().with(event -> pending.soon(), failure -> LOG.warnf("Chat event arrivals ended: %s",
                        LoggedFailure.describe(failure)));
    }

    @Scheduled(every = "${garage.notifications.decision.interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return decideOnce().onFailure().invoke(e -> LOG.warnf("Chat push pass failed: %s", LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass: decides up to a batch of waiting messages; says how many it decided. */
    public Uni<Integer> decideOnce() {
        return pending.once();
    }

    private Uni<Integer> decide(SqlConnection connection, ChatEventMessage message, Instant now) {
        return readers(connection, message)
                .chain(readers -> presence.liveDevices(readers.stream().map(ChatPush.Reader::personId).toList())
                        .chain(live -> write(connection, ChatPush.plan(message, readers, now,
                                now.plus(config.ttl())), live, now)));
    }

    private Uni<List<ChatPush.Reader>> readers(SqlConnection connection, ChatEventMessage message) {
        return connection.preparedQuery(READERS)
                .execute(Tuple.of(message.garageId(), message.technicianIds().toArray(UUID[]::new),
                        message.customerId(), message.channel() == ChatChannel.CUSTOMER))
                .map(rows -> {
                    List<ChatPush.Reader> readers = new ArrayList<>();
                    for (Row row : rows) {
                        readers.add(new ChatPush.Reader(row.getUUID("id"), row.getBoolean("customer"),
                                row.getString("language")));
                    }
                    return readers;
                });
    }

    private Uni<Integer> write(SqlConnection connection, List<PlannedNotification> planned,
            Set<UUID> live, Instant now) {
        return Multi.createFrom().iterable(planned)
                .onItem().transformToUniAndConcatenate(notice -> outbox.write(connection, notice, now, live))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
