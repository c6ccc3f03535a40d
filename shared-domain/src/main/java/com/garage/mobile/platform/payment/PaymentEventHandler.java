package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.payment.PaymentLedger;
import com.garage.mobile.platform.outbox.OutboundHandler;
import com.garage.mobile.platform.outbox.OutboundWork;
import com.garage.mobile.platform.outbox.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a stored provider event to its payment, from the outbox: the event's word passes the
 * payment state machine ({@link PaymentLedger}), so late, repeated or reordered events change
 * nothing they should not.
 */
@ApplicationScoped
public class PaymentEventHandler implements OutboundHandler {

    public static final String KIND = "payment-event";
    private static final String EVENT = """
            select payload, created_at from payment_provider_event where provider = $1 and event_id = $2""";

    private final Pool pool;
    private final Instance<ProviderEventMeaning> meanings;
    private final PaymentLedger ledger;

    public PaymentEventHandler(Pool pool, Instance<ProviderEventMeaning> meanings, PaymentLedger ledger) {
        this.pool = pool;
        this.meanings = meanings;
        this.ledger = ledger;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Outcome> handle(OutboundWork work) {
        String provider = work.payload().getString("provider");
        String eventId = work.payload().getString("eventId");
        Optional<ProviderEventMeaning> meaning = meanings.stream().filter(m -> m.provider().equals(provider))
                .findFirst();
        if (meaning.isEmpty()) {
            return Uni.createFrom().item(new Outcome.GiveUp("no provider " + provider));
        }
        return pool.preparedQuery(EVENT).execute(Tuple.of(provider, eventId)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(new Outcome.Drop("unknown-event", "event " + eventId + " is not stored"));
            }
            Row row = rows.iterator().next();
            Instant created = row.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant();
            Actor actor = Actor.system(work.garageId(), Origin.webhook(provider, eventId));
            return meaning.get().intentOf(row.getJsonObject("payload"))
                    .chain(intent -> intent.isEmpty() ? Uni.createFrom().item(new Outcome.Delivered("ignored"))
                            : ledger.apply(actor, intent.get(), created).map(applied -> new Outcome.Delivered(
                                    applied.map(p -> p.status.name()).orElse("no-payment"))));
        });
    }

    @Override
    public Map<String, Object> summary(JsonObject payload) {
        return Map.of("provider", payload.getString("provider", ""), "eventId", payload.getString("eventId", ""));
    }
}
