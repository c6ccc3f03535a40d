package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.NewWork;
import com.garage.mobile.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes a verified provider event in: stores it once by its id and enqueues its processing in the
 * same transaction, so the provider is answered at once and the event is applied from the outbox
 * ({@link PaymentEventHandler}), retried while anything fails. A replayed event writes nothing.
 */
@ApplicationScoped
public class ProviderWebhooks {

    public static final String ACTION = "payment.webhook";
    private static final Duration PROCESSING_TTL = Duration.ofDays(3);
    private static final String STORE = """
            insert into payment_provider_event (provider, event_id, type, intent_id, payload, created_at, received_at)
            values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning event_id""";
    private static final String GARAGE_OF = """
            select garage_id from payment where id::text = $1 or (provider_intent_id is not null
                and provider_intent_id = $2) limit 1""";

    private final Pool pool;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final GarageClock clock;

    public ProviderWebhooks(Pool pool, Outbox outbox, AuditTrail audit, GarageClock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores the event; true when it is new, false for a replay of one already received. */
    public Uni<Boolean> receive(ProviderEvent event) {
        Instant now = clock.now();
        return pool.withTransaction(connection -> connection.preparedQuery(STORE).execute(Tuple.tuple()
                        .addString(event.provider()).addString(event.id()).addString(event.type())
                        .addString(event.intentId()).addValue(event.payload())
                        .addOffsetDateTime(event.createdAt().atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                .chain(stored -> stored.size() == 0 ? Uni.createFrom().item(false)
                        : garageOf(connection, event).chain(garage -> garage == null ? Uni.createFrom().item(true)
                                : enqueue(connection, event, garage, now).replaceWith(true))));
    }

    private static Uni<UUID> garageOf(SqlConnection connection, ProviderEvent event) {
        return connection.preparedQuery(GARAGE_OF).execute(Tuple.of(event.paymentId(), event.intentId()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("garage_id"));
    }

    private Uni<Void> enqueue(SqlConnection connection, ProviderEvent event, UUID garageId, Instant now) {
        Actor provider = Actor.system(garageId, Origin.webhook(event.provider(), event.id()));
        return outbox.enqueue(connection, List.of(new NewWork(PaymentEventHandler.KIND, garageId,
                        event.provider() + ":" + event.id(), event.provider(),
                        new JsonObject().put("provider", event.provider()).put("eventId", event.id()), now,
                        now.plus(PROCESSING_TTL))))
                .chain(() -> audit.record(connection, provider, ACTION, "payment-event", event.id(),
                        AuditOutcome.SUCCESS, Map.of("type", event.type()), now));
    }
}
