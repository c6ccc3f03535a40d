package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Opens the payment of what is due now on a job's invoice, for its amount as the server computes
 * it. A payment already in flight for the same purpose is reused, so two concurrent pays of one
 * invoice share one payment (and one idempotency key, and one intent at the provider).
 */
@ApplicationScoped
public class PaymentOpening {

    public static final String ACTION = "payment.open";
    private static final String INSERT = """
            insert into payment (id, garage_id, job_id, customer_id, purpose, channel, amount_minor, currency, status,
                manual_capture, provider, idempotency_key, status_at, created_at, updated_at)
            values (:id, :garage, :job, :customer, :purpose, :channel, :amount, :currency, 'CREATED', :manual,
                :provider, :key, :now, :now, :now)
            on conflict (job_id, purpose) where status in ('CREATED', 'AWAITING_METHOD', 'ACTION_REQUIRED',
                'PROCESSING', 'FAILED') do nothing""";

    private final InvoiceQueries invoices;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public PaymentOpening(InvoiceQueries invoices, AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.invoices = invoices;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    /** The payment in flight for what is due now on the job, opened if none is. */
    public Uni<Payment> open(Actor actor, UUID jobId, PaymentPurpose purpose, PaymentChannel channel, String provider) {
        return audited.run(actor, ACTION, "job", jobId, () -> openIn(actor, jobId, purpose, channel, provider));
    }

    @WithTransaction
    Uni<Payment> openIn(Actor actor, UUID jobId, PaymentPurpose purpose, PaymentChannel channel, String provider) {
        return invoices.job(actor, jobId)
                .chain(job -> invoices.of(job).chain(invoice -> {
                    requireDue(invoice, purpose);
                    return insert(actor, job, invoice, channel, provider)
                            .chain(() -> Payment.<Payment>find("jobId = ?1 and purpose = ?2 and status in ?3", job.id,
                                    purpose, PaymentStatus.OPEN).firstResult());
                }));
    }

    private Uni<Void> insert(Actor actor, JobCard job, Invoice invoice, PaymentChannel channel, String provider) {
        Instant now = clock.now();
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id).setParameter("garage", job.garageId).setParameter("job", job.id)
                        .setParameter("customer", job.customerId).setParameter("purpose", invoice.dueNow().name())
                        .setParameter("channel", channel.name()).setParameter("amount", invoice.dueNowMinor())
                        .setParameter("currency", invoice.currency())
                        .setParameter("manual", invoice.dueNow() == PaymentPurpose.DEPOSIT)
                        .setParameter("provider", provider).setParameter("key", "garage-payment-" + id)
                        .setParameter("now", now).executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                        : audit.record(actor, ACTION, "payment", id, AuditOutcome.SUCCESS, Map.of("jobId",
                                job.id.toString(), "purpose", invoice.dueNow().name(), "amountMinor",
                                invoice.dueNowMinor(), "channel", channel.name()), now).replaceWithVoid());
    }

    private static void requireDue(Invoice invoice, PaymentPurpose purpose) {
        if (invoice.dueNow() != purpose) {
            String detail = switch (purpose) {
                case DEPOSIT -> "No deposit is due on this job: none is asked, it is paid, or no work is approved yet.";
                case BALANCE -> "No balance is due on this job yet: it is due once the car is ready for pickup.";
            };
            throw new ProblemException(ProblemType.NOTHING_DUE, detail);
        }
    }
}
