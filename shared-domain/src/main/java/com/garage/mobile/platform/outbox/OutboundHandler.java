package com.garage.mobile.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Does the outbound work of one kind (push notifications, payment calls, partner requests, webhook
 * deliveries). A feature contributes one as a CDI bean; the outbox claims, leases, retries, expires
 * and dead-letters its items. The contract is in docs/outbox.md.
 */
public interface OutboundHandler {

    /** The kind of work this handler does, as written in {@code outbound_work.kind}. */
    String kind();

    /** Does one claimed item. A failed Uni counts as {@link Outcome.RetryLater}. */
    Uni<Outcome> handle(OutboundWork work);

    /**
     * Routes whose items stay unclaimed for now (a provider without credentials, a partner switched
     * off); they expire at the end of their time to live.
     */
    default Set<String> pausedRoutes() {
        return Set.of();
    }

    /**
     * Judges a claimed batch in the claiming transaction, before anything is handled: items that
     * must wait or close now, by id. Items not in the answer are leased and handled.
     */
    default Uni<Map<Long, Outcome>> screen(SqlConnection transaction, List<OutboundWork> claimed, Instant now) {
        return Uni.createFrom().item(Map.of());
    }

    /**
     * How long items of this kind are kept once finished (delivered, dropped or expired); empty keeps them for good.
     * Items that were ever dead letters stay with their letters.
     */
    default Optional<Duration> keepFinished() {
        return Optional.empty();
    }

    /** What an admin may see of an item's payload in the dead letters. */
    default Map<String, Object> summary(JsonObject payload) {
        return Map.of();
    }
}
