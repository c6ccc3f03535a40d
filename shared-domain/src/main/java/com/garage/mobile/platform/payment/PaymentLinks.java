package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.payment.HostedCheckout;
import com.garage.mobile.domain.payment.IntentRequest;
import com.garage.mobile.domain.payment.InvoiceQueries;
import com.garage.mobile.domain.payment.Payment;
import com.garage.mobile.domain.payment.PaymentChannel;
import com.garage.mobile.domain.payment.PaymentConfig;
import com.garage.mobile.domain.payment.PaymentOpening;
import com.garage.mobile.domain.payment.PaymentProvider;
import com.garage.mobile.domain.payment.PaymentPurpose;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Pay by link, for a customer without the app: the advisor issues a single-use, expiring link for
 * exactly what is due now; opening it claims the link and sends the customer to the provider's
 * hosted payment page for that amount. Only the token's SHA-256 is stored.
 */
@ApplicationScoped
public class PaymentLinks {

    public static final String ISSUE = "payment-link.issue";
    public static final String OPEN = "payment-link.open";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INSERT = """
            insert into payment_link (id, garage_id, job_id, purpose, amount_minor, currency, token_hash, expires_at,
                created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
    private static final String CLAIM = """
            update payment_link set used_at = $2 where token_hash = $1 and used_at is null and expires_at > $2
            returning id, garage_id, job_id, purpose, amount_minor""";
    private static final String ATTACH = "update payment_link set payment_id = $2 where id = $1";

    private final Pool pool;
    private final InvoiceQueries invoices;
    private final PaymentOpening opening;
    private final PaymentProvider provider;
    private final AuditTrail audit;
    private final PaymentConfig config;
    private final GarageClock clock;

    public PaymentLinks(Pool pool, InvoiceQueries invoices, PaymentOpening opening, PaymentProvider provider,
            AuditTrail audit, PaymentConfig config, GarageClock clock) {
        this.pool = pool;
        this.invoices = invoices;
        this.opening = opening;
        this.provider = provider;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** A link for what is due now for {@code purpose} on the job; the token is in the answer only. */
    public Uni<IssuedLink> issue(Actor staff, UUID jobId, PaymentPurpose purpose) {
        return invoices.of(staff, jobId).chain(invoice -> {
            if (invoice.dueNow() != purpose) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.NOTHING_DUE,
                        "Nothing is due on this job for a " + purpose.name().toLowerCase() + " now."));
            }
            Instant now = clock.now();
            String token = token();
            IssuedLink link = new IssuedLink(UUID.randomUUID(), config.linkBaseUrl() + "/pay/" + token,
                    invoice.dueNowMinor(), invoice.currency(), now.plus(config.linkLifetime()));
            return pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(Tuple.tuple()
                            .addUUID(link.id()).addUUID(staff.garageId()).addUUID(jobId).addString(purpose.name())
                            .addLong(link.amountMinor()).addString(link.currency()).addString(hash(token))
                            .addOffsetDateTime(link.expiresAt().atOffset(ZoneOffset.UTC)).addString(staff.subject())
                            .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                    .chain(() -> audit.record(connection, staff, ISSUE, "job", jobId, AuditOutcome.SUCCESS,
                            Map.of("linkId", link.id().toString(), "purpose", purpose.name(), "amountMinor",
                                    link.amountMinor()), now)))
                    .replaceWith(link);
        });
    }

    /** Claims the link and opens the hosted payment page for its exact amount; 410 for a used, expired or unknown link. */
    public Uni<HostedCheckout> open(String token) {
        Instant now = clock.now();
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(hash(token), now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new ProblemException(ProblemType.PAYMENT_LINK_INVALID,
                                "This payment link was used already, has expired or does not exist."));
                    }
                    return checkout(connection, rows.iterator().next(), now);
                }))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> new ProblemException(ProblemType.PAYMENT_PROVIDER_UNAVAILABLE,
                        "The payment page could not be opened; the link still works. Try again in a moment."));
    }

    private Uni<HostedCheckout> checkout(SqlConnection connection, Row link, Instant now) {
        UUID linkId = link.getUUID("id");
        Actor system = Actor.system(link.getUUID("garage_id"), Origin.webhook("payment-link", linkId.toString()));
        PaymentPurpose purpose = PaymentPurpose.valueOf(link.getString("purpose"));
        long amount = link.getLong("amount_minor");
        return invoices.of(system, link.getUUID("job_id"))
                .invoke(invoice -> requireAmount(invoice.dueNow() == purpose ? invoice.dueNowMinor() : 0, amount))
                .chain(() -> opening.open(system, link.getUUID("job_id"), purpose, PaymentChannel.LINK, provider.name()))
                .invoke(payment -> requireAmount(payment.amountMinor, amount))
                .chain(payment -> provider.checkout(request(payment), config.linkBaseUrl() + "/pay/done")
                        .call(() -> connection.preparedQuery(ATTACH).execute(Tuple.of(linkId, payment.id)))
                        .call(() -> audit.record(connection, system, OPEN, "payment", payment.id, AuditOutcome.SUCCESS,
                                Map.of("linkId", linkId.toString()), now)));
    }

    private static void requireAmount(long due, long linkAmount) {
        if (due != linkAmount) {
            throw new ProblemException(ProblemType.PAYMENT_LINK_INVALID,
                    "What is due changed since this link was sent; ask the garage for a new one.");
        }
    }

    private static IntentRequest request(Payment payment) {
        return new IntentRequest(payment.id, payment.jobId, payment.amountMinor, payment.currency,
                payment.manualCapture, payment.idempotencyKey,
                (payment.purpose == PaymentPurpose.DEPOSIT ? "Deposit" : "Payment") + " for your repair");
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
