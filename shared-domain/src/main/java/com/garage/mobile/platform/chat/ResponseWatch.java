package com.garage.mobile.platform.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.chat.ChatEventPublisher;
import com.garage.mobile.domain.chat.escalation.EscalationConfig;
import com.garage.mobile.domain.chat.escalation.EscalationEvents;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
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
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Watches the responses customers await: before the target a warning to the conversation's advisor
 * (assigned, else the job's, else every advisor), at the target a breach escalated to the garage's
 * admins, its service managers. Each is a chat event for the staff and a push under CHAT to those it
 * concerns, with their consent. Every pod runs the pass as the garage's system; a warning or breach
 * is claimed by stamping the wait's period under the conversation's row lock, so it fires once per
 * wait however many pods look.
 */
@ApplicationScoped
public class ResponseWatch {

    public static final String JOB = "chat-response-watch";
    private static final Logger LOG = Logger.getLogger(ResponseWatch.class);
    private static final String DUE = """
            select conversation_id, period from chat_response_clock
            where awaiting is not null
              and ((breached_at is null and due_at <= $1) or (warned_at is null and warn_at <= $1))
            order by due_at limit 200""";
    private static final String LOCK = "select id from chat_conversation where id = $1 for update";
    private static final String CLAIM_BREACH = """
            update chat_response_clock set breached_at = $3, warned_at = coalesce(warned_at, $3),
                version = version + 1
            where conversation_id = $1 and period = $2 and awaiting is not null and breached_at is null
              and due_at <= $3
            returning garage_id, priority, awaiting, awaiting_since, due_at, assigned_advisor_id""";
    private static final String CLAIM_WARNING = """
            update chat_response_clock set warned_at = $3, version = version + 1
            where conversation_id = $1 and period = $2 and awaiting is not null and warned_at is null
              and breached_at is null and warn_at <= $3 and due_at > $3
            returning garage_id, priority, awaiting, awaiting_since, due_at, assigned_advisor_id""";

    private final Pool pool;
    private final EscalationConfig config;
    private final GarageClock clock;
    private final AuditTrail audit;
    private final ChatEventPublisher events;
    private final EscalationPush push;
    private final OutboxDispatcher dispatcher;

    public ResponseWatch(Pool pool, EscalationConfig config, GarageClock clock, AuditTrail audit,
            ChatEventPublisher events, EscalationPush push, OutboxDispatcher dispatcher) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.push = push;
        this.dispatcher = dispatcher;
    }

    /** What a pass found for one wait. */
    enum Stage {
        WARNING(EscalationEvents.WARNING, CLAIM_WARNING),
        BREACH(EscalationEvents.BREACHED, CLAIM_BREACH);

        final String type;
        final String claim;

        Stage(String type, String claim) {
            this.type = type;
            this.claim = claim;
        }
    }

    @Scheduled(every = "${garage.chat-escalation.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return watchOnce().onFailure().invoke(e -> LOG.warnf("Chat response watch failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass: says how many warnings and breaches it fired. */
    public Uni<Integer> watchOnce() {
        Instant now = clock.now();
        Origin pass = Origin.scheduler(JOB, UUID.randomUUID().toString());
        return pool.preparedQuery(DUE).execute(Tuple.of(SqlTime.at(now))).map(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    return due;
                })
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(row -> fire(row.getUUID("conversation_id"),
                                row.getLong("period"), pass, now))
                        .filter(Optional::isPresent).collect().asList())
                .invoke(fired -> {
                    if (!fired.isEmpty()) {
                        dispatcher.dispatchSoon();
                    }
                })
                .map(List::size);
    }

    private Uni<Optional<Stage>> fire(UUID conversationId, long period, Origin pass, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(conversationId))
                        .chain(() -> claim(connection, Stage.BREACH, conversationId, period, now))
                        .chain(breach -> breach.isPresent() ? Uni.createFrom().item(breach)
                                : claim(connection, Stage.WARNING, conversationId, period, now))
                        .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(Optional.<Stage>empty())
                                : announce(connection, claimed.get(), conversationId, period, pass, now)))
                .call(fired -> fired.isPresent() ? events.publishPending(conversationId)
                        : Uni.createFrom().voidItem());
    }

    private record Claimed(Stage stage, Row row) {
    }

    private static Uni<Optional<Claimed>> claim(SqlConnection connection, Stage stage, UUID conversationId,
            long period, Instant now) {
        return connection.preparedQuery(stage.claim).execute(Tuple.of(conversationId, period, SqlTime.at(now)))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(new Claimed(stage, rows.iterator().next())));
    }

    private Uni<Optional<Stage>> announce(SqlConnection connection, Claimed claimed, UUID conversationId,
            long period, Origin pass, Instant now) {
        Row wait = claimed.row();
        UUID garageId = wait.getUUID("garage_id");
        Map<String, Object> payload = new HashMap<>();
        payload.put("kind", wait.getString("awaiting"));
        payload.put("priority", wait.getString("priority"));
        payload.put("awaitingSince", SqlTime.instant(wait, "awaiting_since").toString());
        payload.put("dueAt", SqlTime.instant(wait, "due_at").toString());
        payload.put("period", period);
        payload.put("escalatedTo", claimed.stage() == Stage.BREACH ? "admins" : "advisor");
        Actor system = Actor.system(garageId, pass);
        return connection.preparedQuery(EscalationEvents.INSERT).execute(Tuple.of(conversationId,
                        claimed.stage().type, new JsonObject(payload).encode(), SqlTime.at(now)))
                .chain(() -> push.notify(connection, claimed.stage() == Stage.BREACH, conversationId, period,
                        wait.getUUID("assigned_advisor_id"), SqlTime.instant(wait, "due_at"), now))
                .chain(devices -> audit.record(connection, system, claimed.stage().type, "chat-conversation",
                        conversationId, AuditOutcome.SUCCESS, Map.of("period", period, "priority",
                                wait.getString("priority"), "kind", wait.getString("awaiting"), "devices", devices),
                        now))
                .replaceWith(Optional.of(claimed.stage()));
    }
}
