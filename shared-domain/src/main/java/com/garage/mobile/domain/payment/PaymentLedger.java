package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEvent;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what becomes of a payment, whoever tells: the provider's answer to a call, its webhook
 * or the reconciliation pass. Each change of status passes the {@link PaymentStateMachine}, bumps
 * the payment's version, appends a job event (the customer's live channel and push) and an audit
 * entry in one transaction, and is published once committed. A word that changes nothing writes nothing.
 */
@ApplicationScoped
public class PaymentLedger {

    public static final String ACTION = "payment.status";

    private final JobCardRepository jobs;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final JobEventPublisher stream;
    private final PaymentConfig config;
    private final GarageClock clock;

    public PaymentLedger(JobCardRepository jobs, JobEventLog events, AuditTrail audit, JobEventPublisher stream,
            PaymentConfig config, GarageClock clock) {
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.stream = stream;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Applies the provider's word on an intent as of {@code reportedAt}, with the payment locked so
     * that concurrent words apply one after the other; empty if no payment of ours matches.
     */
    public Uni<Optional<Payment>> apply(Actor actor, ProviderIntent reported, Instant reportedAt) {
        return record(actor, reported, reportedAt)
                .call(changed -> changed.event() == null ? Uni.createFrom().voidItem()
                        : stream.publish(List.of(changed.event())))
                .map(changed -> Optional.ofNullable(changed.payment()));
    }

    @WithTransaction
    Uni<Changed> record(Actor actor, ProviderIntent reported, Instant reportedAt) {
        return find(reported).chain(payment -> {
            if (payment == null) {
                return Uni.createFrom().item(new Changed(null, null));
            }
            PaymentStatus next = PaymentStateMachine.next(payment.status, payment.statusAt, reported.status(),
                    reportedAt);
            if (next == payment.status) {
                return Uni.createFrom().item(new Changed(payment, null));
            }
            return change(actor, payment, reported, next, reportedAt)
                    .map(event -> new Changed(payment, event));
        });
    }

    private Uni<Payment> find(ProviderIntent reported) {
        if (reported.paymentId() != null) {
            try {
                return Payment.<Payment>findById(UUID.fromString(reported.paymentId()), LockModeType.PESSIMISTIC_WRITE)
                        .chain(payment -> payment != null ? Uni.createFrom().item(payment) : byIntent(reported));
            } catch (IllegalArgumentException notOurs) {
                return byIntent(reported);
            }
        }
        return byIntent(reported);
    }

    private static Uni<Payment> byIntent(ProviderIntent reported) {
        return Payment.<Payment>find("providerIntentId", reported.id()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    private Uni<JobEventMessage> change(Actor actor, Payment payment, ProviderIntent reported, PaymentStatus next,
            Instant reportedAt) {
        Instant now = clock.now();
        PaymentStatus previous = payment.status;
        payment.status = next;
        payment.statusAt = reportedAt.isAfter(payment.statusAt) ? reportedAt : payment.statusAt;
        payment.updatedAt = now;
        if (payment.providerIntentId == null && reported.id() != null && reported.id().startsWith("pi_")) {
            payment.providerIntentId = reported.id();
        }
        payment.lastError = next == PaymentStatus.FAILED ? reported.lastError() : null;
        if (next == PaymentStatus.HELD) {
            payment.captureBefore = reported.captureBefore() != null ? reported.captureBefore()
                    : reportedAt.plus(config.holdLifetime());
        }
        Map<String, Object> change = new HashMap<>();
        change.put("paymentId", payment.id.toString());
        change.put("purpose", payment.purpose.name());
        change.put("from", previous.name());
        change.put("status", next.name());
        change.put("amountMinor", payment.amountMinor);
        change.put("currency", payment.currency);
        if (payment.lastError != null) {
            change.put("reason", payment.lastError);
        }
        return jobs.flush()
                .chain(() -> jobs.requireInGarage(payment.garageId, payment.jobId))
                .chain(job -> appendEvent(actor, job, change, now))
                .call(() -> audit.record(actor, ACTION, "payment", payment.id, AuditOutcome.SUCCESS, change, now))
                .map(JobEvent::message);
    }

    private Uni<JobEvent> appendEvent(Actor actor, JobCard job, Map<String, Object> change, Instant now) {
        return events.append(job, JobEventType.PAYMENT_CHANGED, change, actor, now);
    }

    record Changed(Payment payment, JobEventMessage event) {
    }
}
