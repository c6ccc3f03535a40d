package com.garage.mobile.domain.chat.escalation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.chat.ChatEventPublisher;
import com.garage.mobile.domain.chat.Conversation;
import com.garage.mobile.domain.chat.ConversationAccess;
import com.garage.mobile.domain.chat.VisibleConversation;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.staff.StaffRepository;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Priority and assignment of a conversation. A customer or a technician escalates (raises the
 * priority; asking for one it already has or exceeds changes nothing), an advisor or admin sets any
 * priority and hands the conversation over to another advisor. A change of priority moves the
 * deadline of the response now awaited. Each change is audited and heard live by the garage's staff.
 */
@ApplicationScoped
public class Escalations {

    public static final String ESCALATE = "chat.escalate";
    public static final String SET_PRIORITY = "chat.set-priority";
    public static final String HANDOVER = "chat.handover";
    static final int MAX_REASON = 500;

    private final ConversationAccess access;
    private final ResponseClocks clocks;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ChatEventPublisher publisher;
    private final StaffRepository staff;

    public Escalations(ConversationAccess access, ResponseClocks clocks, AuditTrail audit, AuditedAction audited,
            GarageClock clock, ChatEventPublisher publisher, StaffRepository staff) {
        this.staff = staff;
        this.access = access;
        this.clocks = clocks;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Raises the priority to at least {@code priority} (HIGH or URGENT). */
    public Uni<EscalationState> escalate(Actor actor, UUID conversationId, ChatPriority priority, String reason) {
        return audited.run(actor, ESCALATE, "chat-conversation", conversationId,
                        () -> prioritise(actor, conversationId, priority, reason, true))
                .call(() -> publisher.publishPending(conversationId));
    }

    /** Sets the priority, higher or lower (advisors and admins). */
    public Uni<EscalationState> setPriority(Actor actor, UUID conversationId, ChatPriority priority, String reason) {
        return audited.run(actor, SET_PRIORITY, "chat-conversation", conversationId,
                        () -> prioritise(actor, conversationId, priority, reason, false))
                .call(() -> publisher.publishPending(conversationId));
    }

    /** Assigns the conversation to another active advisor of the garage (advisors and admins). */
    public Uni<EscalationState> handOver(Actor actor, UUID conversationId, UUID advisorId) {
        return audited.run(actor, HANDOVER, "chat-conversation", conversationId,
                        () -> assign(actor, conversationId, advisorId))
                .call(() -> publisher.publishPending(conversationId));
    }

    @WithSession
    public Uni<EscalationState> state(Actor actor, UUID conversationId) {
        return access.require(actor, conversationId)
                .chain(visible -> clocks.clockOf(visible.conversation())
                        .chain(found -> stateOf(visible.conversation(), found)));
    }

    @WithTransaction
    Uni<EscalationState> prioritise(Actor actor, UUID conversationId, ChatPriority priority, String reason,
            boolean raiseOnly) {
        return locked(actor, conversationId).chain(conversation -> {
            requireManager(actor, !raiseOnly);
            String why = reason(reason);
            if (priority == null || raiseOnly && priority == ChatPriority.NORMAL) {
                throw ProblemException.invalidField("priority", raiseOnly ? "must be HIGH or URGENT to escalate"
                        : "must be NORMAL, HIGH or URGENT");
            }
            return clocks.clockOf(conversation).chain(current -> {
                ChatPriority previous = current.priority;
                boolean changed = raiseOnly ? priority.above(previous) : priority != previous;
                Instant now = clock.now();
                Map<String, Object> detail = new HashMap<>(Map.of("priority", priority.name(),
                        "previousPriority", previous.name(), "changed", changed));
                if (!changed) {
                    return audit.record(actor, raiseOnly ? ESCALATE : SET_PRIORITY, "chat-conversation",
                            conversationId, AuditOutcome.SUCCESS, detail, now)
                            .chain(() -> stateOf(conversation, current));
                }
                current.priority = priority;
                current.priorityReason = why;
                current.prioritySetBy = actor.personId();
                return clocks.reschedule(current).call(rescheduled -> rescheduled.persist())
                        .call(rescheduled -> EscalationEvents.write(conversationId,
                                EscalationEvents.PRIORITY_CHANGED, priorityPayload(actor, rescheduled, previous, why,
                                        raiseOnly), now))
                        .call(() -> audit.record(actor, raiseOnly ? ESCALATE : SET_PRIORITY, "chat-conversation",
                                conversationId, AuditOutcome.SUCCESS, detail, now))
                        .chain(rescheduled -> stateOf(conversation, rescheduled));
            });
        });
    }

    @WithTransaction
    Uni<EscalationState> assign(Actor actor, UUID conversationId, UUID advisorId) {
        return locked(actor, conversationId).chain(conversation -> {
            requireManager(actor, true);
            return requireAdvisor(actor.garageId(), advisorId).chain(advisor -> clocks.clockOf(conversation)
                    .chain(current -> {
                        boolean changed = !advisorId.equals(current.assignedAdvisorId);
                        UUID previous = current.assignedAdvisorId;
                        Instant now = clock.now();
                        Map<String, Object> detail = Map.of("advisorId", advisorId.toString(), "changed", changed);
                        if (!changed) {
                            return audit.record(actor, HANDOVER, "chat-conversation", conversationId,
                                    AuditOutcome.SUCCESS, detail, now).chain(() -> stateOf(conversation, current));
                        }
                        current.assignedAdvisorId = advisorId;
                        Map<String, Object> payload = new HashMap<>();
                        payload.put("advisorId", advisorId.toString());
                        payload.put("advisorName", advisor.displayName);
                        payload.put("previousAdvisorId", previous != null ? previous.toString() : null);
                        payload.put("byName", actor.displayName());
                        payload.put("byRole", actor.role().claimValue());
                        return current.<ResponseClock>persist()
                                .call(() -> EscalationEvents.write(conversationId, EscalationEvents.ASSIGNED,
                                        payload, now))
                                .call(() -> audit.record(actor, HANDOVER, "chat-conversation", conversationId,
                                        AuditOutcome.SUCCESS, detail, now))
                                .chain(saved -> stateOf(conversation, saved));
                    }));
        });
    }

    /** The conversation, locked as a send locks it, if the actor may see any channel of it. */
    private Uni<Conversation> locked(Actor actor, UUID conversationId) {
        return Conversation.<Conversation>findById(conversationId, LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> access.require(actor, conversationId)).map(VisibleConversation::conversation);
    }

    private static void requireManager(Actor actor, boolean needed) {
        if (needed && !actor.seesWholeGarage()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Setting a conversation's priority and handing it over are the advisors' and admins'.");
        }
    }

    private static String reason(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.isBlank() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw ProblemException.invalidField("reason", "must be 1-" + MAX_REASON + " characters, not only spaces");
        }
        return reason;
    }

    private Uni<Staff> requireAdvisor(UUID garageId, UUID advisorId) {
        if (advisorId == null) {
            return Uni.createFrom().failure(ProblemException.invalidField("advisorId", "is required"));
        }
        return staff.find("garageId = ?1 and id = ?2", garageId, advisorId).firstResult().invoke(found -> {
            if (found == null || found.role != ActorRole.ADVISOR || !found.active) {
                throw ProblemException.invalidField("advisorId", "is not an active advisor of this garage");
            }
        });
    }

    private static Map<String, Object> priorityPayload(Actor actor, ResponseClock clock, ChatPriority previous,
            String reason, boolean escalated) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("priority", clock.priority.name());
        payload.put("previousPriority", previous.name());
        payload.put("escalated", escalated);
        payload.put("reason", reason);
        payload.put("byRole", actor.role().claimValue());
        payload.put("byName", actor.displayName());
        payload.put("dueAt", clock.dueAt != null ? clock.dueAt.toString() : null);
        return payload;
    }

    private Uni<EscalationState> stateOf(Conversation conversation, ResponseClock clock) {
        Uni<UUID> advisorId = clock.assignedAdvisorId != null || conversation.jobId == null
                ? Uni.createFrom().item(clock.assignedAdvisorId)
                : JobCard.<JobCard>findById(conversation.jobId).map(job -> job != null ? job.advisorId : null);
        return advisorId.chain(id -> id == null ? Uni.createFrom().<Staff>nullItem() : staff.findById(id))
                .map(advisor -> new EscalationState(conversation.id, clock.priority,
                        advisor != null ? advisor.id : null, advisor != null ? advisor.displayName : null,
                        clock.assignedAdvisorId != null, clock.priorityReason, clock.prioritySetBy,
                        clock.awaiting, clock.awaitingSince, clock.warnAt,
                        clock.dueAt, clock.warnedAt, clock.breachedAt));
    }
}
