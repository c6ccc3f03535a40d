package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.payment.PaymentLedger;
import com.garage.mobile.domain.payment.PaymentProvider;
import com.garage.mobile.domain.payment.PaymentStatus;
import com.garage.mobile.domain.payment.ProviderRefusedException;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.OutboundHandler;
import com.garage.mobile.platform.outbox.OutboundWork;
import com.garage.mobile.platform.outbox.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Captures a held deposit at the provider once work started, with the payment's own idempotency key. */
@ApplicationScoped
public class PaymentCaptureHandler implements OutboundHandler {

    public static final String KIND = "payment-capture";
    private static final String PAYMENT = """
            select status, provider_intent_id, idempotency_key from payment where id = $1""";

    private final Pool pool;
    private final PaymentProvider provider;
    private final PaymentLedger ledger;
    private final GarageClock clock;

    public PaymentCaptureHandler(Pool pool, PaymentProvider provider, PaymentLedger ledger, GarageClock clock) {
        this.pool = pool;
        this.provider = provider;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Outcome> handle(OutboundWork work) {
        UUID paymentId = UUID.fromString(work.payload().getString("paymentId"));
        return pool.preparedQuery(PAYMENT).execute(Tuple.of(paymentId)).chain(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            if (row == null || !PaymentStatus.HELD.name().equals(row.getString("status"))) {
                return Uni.createFrom().item(new Outcome.Drop("not-held", "the payment is no longer held"));
            }
            Actor system = Actor.system(work.garageId(), Origin.scheduler(KIND, Long.toString(work.id())));
            return provider.capture(row.getString("provider_intent_id"), row.getString("idempotency_key") + "-capture")
                    .chain(intent -> ledger.apply(system, intent, clock.now()))
                    .<Outcome>map(applied -> new Outcome.Delivered(row.getString("provider_intent_id")))
                    .onFailure(ProviderRefusedException.class)
                    .recoverWithItem(refused -> new Outcome.GiveUp(refused.getMessage()));
        });
    }

    @Override
    public Map<String, Object> summary(JsonObject payload) {
        return Map.of("paymentId", payload.getString("paymentId", ""));
    }
}
