package com.garage.mobile.domain.estimate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobEvent;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.job.LineDecision;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer decides lines of the estimate revision they were shown, and signs: the lines take
 * the decisions, an immutable approval record keeps exactly what was shown and decided, the job's
 * event tells the workshop live, the audit trail keeps the act.
 */
@ApplicationScoped
public class EstimateApprovalService {

    public static final String ACTION = "job.approve-estimate";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EstimateSheets sheets;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public EstimateApprovalService(EstimateSheets sheets, JobEventLog events, AuditTrail audit,
            AuditedAction audited, JobEventPublisher stream, GarageClock clock) {
        this.sheets = sheets;
        this.events = events;
        this.audit = audit;
        this.audited = audited;
        this.stream = stream;
        this.clock = clock;
    }

    /** Records the decisions and, once committed, publishes the job's event to every pod. */
    public Uni<EstimateApproval> decide(Actor customer, UUID jobId, ApprovalRequest request) {
        return audited.run(customer, ACTION, "job", jobId, () -> apply(customer, jobId, request))
                .call(decided -> stream.publish(decided.events()))
                .map(Changed::row);
    }

    /**
     * Records the decisions in the caller's transaction (or a new one) and audits the success; the
     * caller publishes the event after commit and audits a refusal (as offline writes do).
     */
    @WithTransaction
    public Uni<Changed<EstimateApproval>> apply(Actor customer, UUID jobId, ApprovalRequest request) {
        return JobCard.<JobCard>find("garageId = ?1 and customerId = ?2 and id = ?3", customer.garageId(),
                        customer.personId(), jobId).withLock(LockModeType.PESSIMISTIC_WRITE).<JobCard>firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Job"))
                .invoke(() -> ApprovalRules.requireWellFormed(request))
                .invoke(ApprovalRules::requireOpen)
                .chain(job -> sheets.of(job)
                        .invoke(shown -> ApprovalRules.requireSameEstimate(request, shown))
                        .chain(shown -> EstimateLine.<EstimateLine>list(
                                        "jobId = ?1 and awaitingPrice = false order by position", job.id)
                                .chain(lines -> record(customer, job, request,
                                        ShownContent.of(job.id, shown.revision(), shown.currency(), lines),
                                        ApprovalRules.choices(request, lines)))));
    }

    private Uni<Changed<EstimateApproval>> record(Actor customer, JobCard job, ApprovalRequest request,
            ShownContent shown, List<Chosen> chosen) {
        Instant now = clock.now();
        chosen.forEach(choice -> {
            choice.line().approvalStatus = choice.decision().status();
            choice.line().decidedAt = now;
            choice.line().decisionNote = choice.note();
            choice.line().updatedAt = now;
        });
        return Customer.<Customer>findById(customer.personId())
                .map(person -> approval(customer, job, request, shown, chosen, person, now))
                .call(approval -> approval.persist())
                .call(Panache::flush)
                .chain(approval -> EstimateLine.count("jobId = ?1 and approvalStatus = ?2 and awaitingPrice = false",
                                job.id, ApprovalStatus.PENDING)
                        .chain(pending -> appendEvent(customer, job, approval, chosen, pending, now))
                        .map(event -> new Changed<>(approval, List.of(event.message()))));
    }

    private Uni<JobEvent> appendEvent(Actor customer, JobCard job, EstimateApproval approval, List<Chosen> chosen,
            long pending, Instant now) {
        Map<String, Object> change = new HashMap<>();
        change.put("approvalId", approval.id.toString());
        change.put("revision", approval.revision);
        change.put("contentHash", approval.contentHash);
        change.put("approved", idsOf(chosen, LineDecision.APPROVED));
        change.put("declined", idsOf(chosen, LineDecision.DECLINED));
        change.put("approvedGrossMinor", chosen.stream().filter(c -> c.decision() == LineDecision.APPROVED)
                .mapToLong(c -> c.line().grossMinor()).sum());
        change.put("pendingLines", pending);
        return events.append(job, JobEventType.ESTIMATE_DECIDED, change, customer, now)
                .call(() -> audit.record(customer, ACTION, "job", job.id, AuditOutcome.SUCCESS, change, now));
    }

    private static List<String> idsOf(List<Chosen> chosen, LineDecision decision) {
        return chosen.stream().filter(c -> c.decision() == decision).map(c -> c.line().id.toString()).toList();
    }

    private static EstimateApproval approval(Actor customer, JobCard job, ApprovalRequest request,
            ShownContent shown, List<Chosen> chosen, Customer person, Instant now) {
        EstimateApproval approval = new EstimateApproval();
        approval.id = UUID.randomUUID();
        approval.garageId = job.garageId;
        approval.jobId = job.id;
        approval.customerId = job.customerId;
        approval.revision = request.revision();
        approval.contentHash = shown.sha256();
        approval.shownContent = shown.canonical();
        approval.decisions = json(chosen.stream().map(c -> new RecordedDecision(c.line().id, c.decision(),
                c.note())).toList());
        approval.signatureKind = request.signature().drawn() ? "DRAWN" : "TYPED";
        approval.signerName = request.signature().drawn() ? person.displayName() : request.signature().typedName();
        approval.signatureStrokes = request.signature().drawn() ? json(request.signature().strokes()) : null;
        approval.consentText = request.consentText();
        approval.consentVersion = request.consentVersion();
        approval.acr = request.signIn().acr();
        approval.amr = String.join(" ", request.signIn().amr());
        approval.authTime = request.signIn().authTime();
        approval.subject = customer.subject();
        approval.deviceId = customer.origin().deviceId();
        approval.clientIp = customer.origin().clientIp();
        approval.requestId = customer.origin().requestId();
        approval.decidedAt = now;
        return approval;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line and what the customer decided for it. */
    record Chosen(EstimateLine line, LineDecision decision, String note) {
    }

    /** One line's entry in the record's {@code decisions}. */
    @RegisterForReflection
    public record RecordedDecision(UUID lineId, LineDecision decision, String note) {
    }
}
