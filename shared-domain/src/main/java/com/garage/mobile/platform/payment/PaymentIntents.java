package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.payment.IntentRequest;
import com.garage.mobile.domain.payment.Payment;
import com.garage.mobile.domain.payment.PaymentChannel;
import com.garage.mobile.domain.payment.PaymentDeclinedException;
import com.garage.mobile.domain.payment.PaymentLedger;
import com.garage.mobile.domain.payment.PaymentOpening;
import com.garage.mobile.domain.payment.PaymentProvider;
import com.garage.mobile.domain.payment.PaymentPurpose;
import com.garage.mobile.domain.payment.PaymentStatus;
import com.garage.mobile.domain.payment.ProviderIntent;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Prepares a payment in the app: opens the payment of what is due (the server's amount), makes
 * sure its intent exists at the provider exactly once, and confirms it with the app's payment
 * method if one is given. The payment row is locked while its intent is created, so a second
 * concurrent pay waits and then reads the same intent instead of creating another.
 */
@ApplicationScoped
public class PaymentIntents {

    private static final Logger LOG = Logger.getLogger(PaymentIntents.class);
    private static final String LOCK = "select provider_intent_id from payment where id = $1 for update";
    private static final String ATTACH = """
            update payment set provider_intent_id = $2, updated_at = $3, version = version + 1 where id = $1""";

    private final Pool pool;
    private final PaymentOpening opening;
    private final PaymentLedger ledger;
    private final PaymentProvider provider;
    private final GarageClock clock;

    public PaymentIntents(Pool pool, PaymentOpening opening, PaymentLedger ledger, PaymentProvider provider,
            GarageClock clock) {
        this.pool = pool;
        this.opening = opening;
        this.ledger = ledger;
        this.provider = provider;
        this.clock = clock;
    }

    /** The payment of what is due for {@code purpose} and its intent, confirmed with {@code paymentMethod} if given. */
    public Uni<PreparedPayment> prepare(Actor customer, UUID jobId, PaymentPurpose purpose, String paymentMethod,
            String confirmKey) {
        return opening.open(customer, jobId, purpose, PaymentChannel.APP, provider.name())
                .chain(payment -> intentOf(payment)
                        .chain(intent -> paymentMethod == null ? Uni.createFrom().item(intent)
                                : confirm(customer, payment, intent, paymentMethod, confirmKey))
                        .chain(intent -> ledger.apply(customer, intent, clock.now())
                                .map(applied -> new PreparedPayment(applied.orElse(payment), intent))));
    }

    /** Creates the payment's intent once (under the row's lock), or reads the one it has. */
    Uni<ProviderIntent> intentOf(Payment payment) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(payment.id))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    String intentId = row.getString("provider_intent_id");
                    return intentId != null ? provider.retrieve(intentId) : create(connection, payment);
                }))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(PaymentIntents::unavailable);
    }

    private Uni<ProviderIntent> create(SqlConnection connection, Payment payment) {
        IntentRequest request = new IntentRequest(payment.id, payment.jobId, payment.amountMinor, payment.currency,
                payment.manualCapture, payment.idempotencyKey, description(payment));
        return provider.create(request)
                .call(intent -> connection.preparedQuery(ATTACH)
                        .execute(Tuple.of(payment.id, intent.id(), clock.now().atOffset(ZoneOffset.UTC))));
    }

    private Uni<ProviderIntent> confirm(Actor customer, Payment payment, ProviderIntent intent, String paymentMethod,
            String confirmKey) {
        return provider.confirm(intent.id(), paymentMethod, confirmKey)
                .onFailure(PaymentDeclinedException.class).call(declined -> recordDecline(customer, payment, intent,
                        declined))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(PaymentIntents::unavailable);
    }

    /** A decline is kept on the payment (the customer sees why and may try another card) before it is answered. */
    private Uni<Void> recordDecline(Actor customer, Payment payment, ProviderIntent intent,
            PaymentDeclinedException declined) {
        ProviderIntent failed = declined.intent() != null ? declined.intent()
                : new ProviderIntent(intent.id(), PaymentStatus.FAILED,
                        payment.amountMinor, payment.currency, null, payment.id.toString(),
                        declined.problem().detail(), null);
        return ledger.apply(customer, failed, clock.now()).replaceWithVoid();
    }

    private static Throwable unavailable(Throwable failure) {
        LOG.warnf("Payment provider call failed: %s", failure.getClass().getSimpleName());
        return new ProblemException(ProblemType.PAYMENT_PROVIDER_UNAVAILABLE,
                "The payment provider could not be reached; nothing was charged. Try again in a moment.");
    }

    private static String description(Payment payment) {
        return (payment.purpose == PaymentPurpose.DEPOSIT ? "Deposit" : "Payment") + " for repair job " + payment.jobId;
    }
}
