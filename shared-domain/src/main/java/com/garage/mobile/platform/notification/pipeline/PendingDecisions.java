package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A table of committed events waiting for their notifications to be decided, exactly once across
 * every pod: each pass claims a batch ({@code skip locked}, so pods share the work), decides each in
 * the claiming transaction and marks them decided together. When a batch fails, the pass decides
 * its events one at a time, so that the one that fails is left due again later and the others are
 * decided. At most one pass runs per pod, and a pass asked for while one runs follows it. The dispatcher is
 * woken once a pass wrote something for it to send (an event whose readers have no device, or all a live socket,
 * writes nothing).
 */
final class PendingDecisions {

    /** Decides one claimed event in the claiming transaction; says how many outbox items it wrote. */
    interface Decision {
        Uni<Integer> decide(SqlConnection connection, Row event, Instant now);
    }

    /** What a pass, or part of one, did: the events it decided and the outbox items their decisions wrote. */
    private record Decided(int events, int queued) {

        static final Decided NONE = new Decided(0, 0);

        Decided plus(Decided other) {
            return new Decided(events + other.events, queued + other.queued);
        }
    }

    private static final Logger LOG = Logger.getLogger(PendingDecisions.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final String what;
    private final String claim;
    private final String decided;
    private final String failed;
    private final Decision decision;
    private final Pool pool;
    private final GarageClock clock;
    private final NotificationConfig config;
    private final OutboxDispatcher dispatcher;
    private final GatheredWakeUps wakeUps;
    private final OnePassAtATime passes;

    /**
     * @param what     what is decided, for logs
     * @param table    the waiting table, with {@code decided_at}, {@code attempts}, {@code last_error},
     *                 {@code next_attempt_at} and the event's id in {@code idColumn}
     * @param claim    selects the next due events (the event's columns, its id as {@code id}) with
     *                 {@code $1} now, {@code $2} the most attempts and {@code $3} how many, {@code for update of}
     *                 the waiting rows {@code skip locked}
     */
    PendingDecisions(String what, String table, String idColumn, String claim, Decision decision, Pool pool,
            GarageClock clock, NotificationConfig config, OutboxDispatcher dispatcher, Vertx vertx) {
        this.what = what;
        this.claim = claim;
        this.decided = "update " + table + " set decided_at = $2, attempts = attempts + 1, last_error = null where "
                + idColumn + " = any($1)";
        this.failed = "update " + table + " set attempts = attempts + 1, last_error = $2, next_attempt_at = $3 where "
                + idColumn + " = $1";
        this.decision = decision;
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.dispatcher = dispatcher;
        this.wakeUps = new GatheredWakeUps(config.decision().gather(),
                (wait, task) -> vertx.setTimer(Math.max(1, wait.toMillis()), timer -> task.run()),
                () -> once().subscribe().with(count -> { },
                        e -> LOG.warnf("Deciding %s failed: %s", what, LoggedFailure.describe(e))));
        this.passes = new OnePassAtATime(wakeUps::wake);
    }

    /** One pass: decides up to a batch of waiting events; says how many it decided (0 while another runs). */
    Uni<Integer> once() {
        if (!passes.start()) {
            return Uni.createFrom().item(0);
        }
        int most = config.decision().batchSize();
        return decide(clock.now(), most, new ArrayList<>())
                .onFailure().recoverWithUni(failure -> oneByOne(most))
                .eventually(passes::ended)
                .invoke(decided -> {
                    if (decided.queued() > 0) {
                        dispatcher.dispatchSoon();
                    }
                })
                .map(Decided::events);
    }

    /** Starts a pass shortly ({@code decision.gather}) for the events that arrive until then. */
    void soon() {
        wakeUps.wake();
    }

    private Uni<Decided> oneByOne(int most) {
        return Multi.createBy().repeating().uni(this::decideNext).whilst(Optional::isPresent)
                .filter(Optional::isPresent).map(Optional::get)
                .select().first(most)
                .collect().with(Collectors.reducing(Decided.NONE, Decided::plus));
    }

    /**
     * Claims and decides the next waiting event, or records why it failed (deciding nothing); empty when none is
     * waiting.
     */
    private Uni<Optional<Decided>> decideNext() {
        Instant now = clock.now();
        List<Long> claimed = new ArrayList<>(1);
        return decide(now, 1, claimed).map(decided -> decided.events() > 0 ? Optional.of(decided)
                        : Optional.<Decided>empty())
                .onFailure().recoverWithUni(failure -> claimed.isEmpty()
                        ? Uni.createFrom().failure(failure)
                        : failed(claimed.get(0), failure, now).replaceWith(Optional.of(Decided.NONE)));
    }

    /**
     * Claims up to {@code most} waiting events, noting their ids in {@code claimed}, and decides them in one
     * transaction; fails as a whole.
     */
    private Uni<Decided> decide(Instant now, int most, List<Long> claimed) {
        return pool.withTransaction(connection -> claim(connection, now, most).chain(events -> {
            if (events.isEmpty()) {
                return Uni.createFrom().item(Decided.NONE);
            }
            events.forEach(event -> claimed.add(event.getLong("id")));
            return Multi.createFrom().iterable(events)
                    .onItem().transformToUniAndConcatenate(event -> decision.decide(connection, event, now))
                    .collect().with(Collectors.summingInt(Integer::intValue))
                    .call(() -> connection.preparedQuery(decided)
                            .execute(Tuple.of(claimed.toArray(Long[]::new), SqlTime.at(now))))
                    .map(queued -> new Decided(events.size(), queued));
        }));
    }

    private Uni<List<Row>> claim(SqlConnection connection, Instant now, int most) {
        return connection.preparedQuery(claim)
                .execute(Tuple.of(SqlTime.at(now), config.decision().maxAttempts(), most))
                .map(rows -> {
                    List<Row> events = new ArrayList<>(rows.size());
                    rows.forEach(events::add);
                    return events;
                });
    }

    private Uni<Void> failed(long eventId, Throwable failure, Instant now) {
        LOG.warnf("Deciding %s of event %d failed (will retry): %s", what, eventId, LoggedFailure.describe(failure));
        return pool.preparedQuery(failed)
                .execute(Tuple.of(eventId, LoggedFailure.describe(failure),
                        SqlTime.at(now.plus(RETRY_AFTER_FAILURE))))
                .replaceWithVoid();
    }
}
