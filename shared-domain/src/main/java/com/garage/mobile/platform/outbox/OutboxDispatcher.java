package com.garage.mobile.platform.outbox;

import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Does due outbound work through the handler of its kind. Every pod runs it; items are claimed
 * with {@code skip locked} and leased, so each is in one pod's hands at a time, and a crashed
 * pod's items return when the lease ends. Expired items close before any handler sees them; a
 * failure schedules the item again with exponential backoff, and the last failure makes it a dead
 * letter.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    private static final int HANDLED_IN_FLIGHT = 8;
    /**
     * Passes one pod runs side by side. A pass waits for the slowest item of its batch (a partner
     * that takes its whole timeout), so a single pass would hold up everything that came due after
     * it; with several, work due later is taken by the next pass while the slow one waits.
     */
    private static final int PASSES_AT_ONCE = 4;
    private static final String CIRCUIT_OPEN = "circuit open after: ";
    private static final String CLAIM = "select " + OutboundWork.COLUMNS + """

            from outbound_work
            where ((status = 'PENDING' and next_attempt_at <= $1) or (status = 'SENDING' and lease_until < $1))
              and kind = any($2) and (route is null or not (kind || '/' || route = any($3)))
            order by next_attempt_at, id
            limit $4
            for update skip locked""";

    private final Pool pool;
    private final Vertx vertx;
    private final OutboundHandlers handlers;
    private final GarageClock clock;
    private final OutboxConfig config;
    private final Backoff backoff;
    private final AtomicInteger passes = new AtomicInteger();

    public OutboxDispatcher(Pool pool, OutboundHandlers handlers, GarageClock clock, OutboxConfig config,
            Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
        this.handlers = handlers;
        this.clock = clock;
        this.config = config;
        this.backoff = new Backoff(config.firstRetry(), config.maxRetry(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Starts a pass and does not wait for it, so the next tick can start another beside a slow one. */
    @Scheduled(every = "${garage.outbox.interval:1s}")
    void scheduledPass() {
        dispatchSoon();
    }

    /**
     * Starts a pass now, unless one is running. It runs on a context of its own, as a scheduled pass
     * does: the caller may be on a Redis client's context, where the handlers' Hibernate Reactive
     * sessions cannot live.
     */
    public void dispatchSoon() {
        newContext().runOnContext(ignored -> dispatchOnce().subscribe().with(count -> { },
                e -> LOG.warnf("Outbox dispatch failed: %s", e.getMessage())));
    }

    /**
     * One pass of this pod, unless it already runs {@link #PASSES_AT_ONCE} or the outbox is off here;
     * says how many items it claimed.
     */
    public Uni<Integer> dispatchOnce() {
        if (!config.enabled() || !startPass()) {
            return Uni.createFrom().item(0);
        }
        return pass().eventually(passes::decrementAndGet);
    }

    private Context newContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    private boolean startPass() {
        return passes.getAndUpdate(running -> Math.min(running + 1, PASSES_AT_ONCE)) < PASSES_AT_ONCE;
    }

    /**
     * Claims and does due work, batch after batch; says how many items it claimed. Passes may run
     * side by side (every pod runs them): a claimed item is skipped by the others.
     */
    public Uni<Integer> pass() {
        return WorkUpdates.expireUntried(pool, clock.now())
                .chain(() -> Multi.createBy().repeating().uni(this::batch)
                        .whilst(claimed -> claimed == config.batchSize())
                        .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    private Uni<Integer> batch() {
        String[] kinds = handlers.kinds();
        if (kinds.length == 0) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.now();
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(SqlTime.at(now), kinds, handlers.pausedRoutes(), config.batchSize()))
                        .map(rows -> {
                            List<OutboundWork> claimed = new ArrayList<>();
                            rows.forEach(row -> claimed.add(OutboundWork.of(row)));
                            return claimed;
                        })
                        .chain(claimed -> settle(connection, claimed, now)))
                .chain(leased -> handleAll(leased.toHandle()).replaceWith(leased.claimed()));
    }

    /** In the claiming transaction: closes what expired, screens the rest, leases what is to be handled. */
    private Uni<Leased> settle(SqlConnection connection, List<OutboundWork> claimed, Instant now) {
        List<OutboundWork> live = claimed.stream().filter(work -> work.expiresAt().isAfter(now)).toList();
        return Multi.createFrom().iterable(claimed).filter(work -> !work.expiresAt().isAfter(now))
                .onItem().transformToUniAndConcatenate(work -> expire(connection, work, now))
                .collect().last()
                .chain(() -> screen(connection, live, now))
                .chain(decisions -> Multi.createFrom().iterable(live)
                        .onItem().transformToUniAndConcatenate(work -> decisions.containsKey(work.id())
                                ? record(connection, work, decisions.get(work.id()), now, false)
                                : WorkUpdates.lease(connection, work.id(), now.plus(config.lease())))
                        .collect().last()
                        .replaceWith(new Leased(claimed.size(),
                                live.stream().filter(work -> !decisions.containsKey(work.id())).toList())));
    }

    private Uni<Map<Long, Outcome>> screen(SqlConnection connection, List<OutboundWork> live, Instant now) {
        Map<String, List<OutboundWork>> byKind = live.stream()
                .collect(Collectors.groupingBy(OutboundWork::kind, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Outcome> decisions = new HashMap<>();
        return Multi.createFrom().iterable(byKind.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> handlers.of(entry.getKey()).orElseThrow()
                        .screen(connection, entry.getValue(), now))
                .onItem().invoke(decisions::putAll)
                .collect().last()
                .replaceWith(decisions);
    }

    private static Uni<Void> expire(SqlConnection connection, OutboundWork work, Instant now) {
        return work.attempts() > 0
                ? WorkUpdates.dead(connection, work.id(), work.attempts(),
                        "expired after " + work.attempts() + " failed attempt(s): " + work.lastError(), now)
                : WorkUpdates.expire(connection, work.id(), now);
    }

    private Uni<Void> handleAll(List<OutboundWork> leased) {
        return Multi.createFrom().iterable(leased)
                .onItem().transformToUni(this::handle).merge(HANDLED_IN_FLIGHT)
                .collect().last().replaceWithVoid();
    }

    /**
     * Hands an item to its handler on a duplicated context of its own. A pass handles several items
     * at once, and a handler's Hibernate Reactive session lives in its context (a worker it hops to
     * carries that context along): on the pass's one context two handlers would share a session and
     * fail ("Session/EntityManager is closed").
     */
    private Uni<Void> handle(OutboundWork work) {
        Context own = newContext();
        return Uni.createFrom().deferred(() -> handlers.of(work.kind()).orElseThrow().handle(work))
                .runSubscriptionOn(task -> own.runOnContext(ignored -> task.run()))
                .onFailure().recoverWithItem(failure -> new Outcome.RetryLater(reasonOf(failure, work.lastError())))
                .chain(outcome -> record(pool, work, outcome, clock.now(), true))
                .onFailure().invoke(e -> LOG.warnf("Recording the outcome of outbound %s %d failed: %s", work.kind(),
                        work.id(), e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Writes an outcome; {@code attempted} says whether the handler tried the work (an attempt to count). */
    private Uni<Void> record(SqlClient sql, OutboundWork work, Outcome outcome, Instant now, boolean attempted) {
        int attempts = work.attempts() + (attempted ? 1 : 0);
        return switch (outcome) {
            case Outcome.Delivered delivered -> WorkUpdates.delivered(sql, work.id(), delivered.receipt(), now);
            case Outcome.Wait wait -> WorkUpdates.waitUntil(sql, work.id(), wait.until());
            case Outcome.Drop drop -> WorkUpdates.drop(sql, work.id(), drop.closedAs(), drop.reason(), now);
            case Outcome.GiveUp giveUp -> WorkUpdates.dead(sql, work.id(), attempts, giveUp.reason(), now);
            case Outcome.RetryLater retry when attempts >= config.maxAttempts() -> {
                LOG.warnf("Outbound %s %d is a dead letter after %d attempts: %s", work.kind(), work.id(), attempts,
                        retry.reason());
                yield WorkUpdates.dead(sql, work.id(), attempts, "gave up after " + attempts + " attempts: "
                        + retry.reason(), now);
            }
            case Outcome.RetryLater retry -> WorkUpdates.retry(sql, work.id(), attempts,
                    now.plus(backoff.after(attempts)), retry.reason());
        };
    }

    /** An open circuit says little; the remote's last real answer says why it opened. */
    private static String reasonOf(Throwable failure, String previous) {
        if (failure instanceof CircuitBreakerOpenException && previous != null) {
            return previous.startsWith(CIRCUIT_OPEN) ? previous : CIRCUIT_OPEN + previous;
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** What a claim took, and which of it is leased to be handled now. */
    private record Leased(int claimed, List<OutboundWork> toHandle) {
    }
}
