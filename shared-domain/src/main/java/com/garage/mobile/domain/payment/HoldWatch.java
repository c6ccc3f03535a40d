package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.JobEventMessage;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flags held deposits to the advisor before they lapse: a hold whose capture deadline is within
 * the warning (or past) is flagged once, with a staff-only job event and an audit entry.
 */
@ApplicationScoped
public class HoldWatch {

    public static final String ACTION = "payment.hold-expiring";

    private final JobCardRepository jobs;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final JobEventPublisher stream;
    private final PaymentConfig config;
    private final GarageClock clock;

    public HoldWatch(JobCardRepository jobs, JobEventLog events, AuditTrail audit, JobEventPublisher stream,
            PaymentConfig config, GarageClock clock) {
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.stream = stream;
        this.config = config;
        this.clock = clock;
    }

    /** Flags the payment if it is still held, not yet flagged and near its deadline; true if it did. */
    public Uni<Boolean> flag(Actor scheduler, UUID paymentId) {
        return flagIn(scheduler, paymentId)
                .call(event -> event == null ? Uni.createFrom().voidItem() : stream.publish(List.of(event)))
                .map(event -> event != null);
    }

    @WithTransaction
    Uni<JobEventMessage> flagIn(Actor scheduler, UUID paymentId) {
        Instant now = clock.now();
        return Payment.<Payment>findById(paymentId, LockModeType.PESSIMISTIC_WRITE).chain(payment -> {
            if (payment == null || payment.status != PaymentStatus.HELD || payment.holdFlaggedAt != null
                    || payment.captureBefore == null || payment.captureBefore.isAfter(now.plus(config.holdWarning()))) {
                return Uni.createFrom().nullItem();
            }
            payment.holdFlaggedAt = now;
            payment.updatedAt = now;
            Map<String, Object> detail = Map.of("paymentId", payment.id.toString(), "amountMinor", payment.amountMinor,
                    "currency", payment.currency, "captureBefore", payment.captureBefore.toString(),
                    "lapsed", !payment.captureBefore.isAfter(now));
            return jobs.flush()
                    .chain(() -> jobs.requireInGarage(payment.garageId, payment.jobId))
                    .chain(job -> events.append(job, JobEventType.PAYMENT_HOLD_EXPIRING, detail, scheduler, now))
                    .call(() -> audit.record(scheduler, ACTION, "payment", payment.id, AuditOutcome.FLAGGED, detail,
                            now))
                    .map(JobEvent::message);
        });
    }
}
