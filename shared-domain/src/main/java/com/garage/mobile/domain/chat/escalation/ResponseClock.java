package com.garage.mobile.domain.chat.escalation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversation's customer channel on the clock: its priority, its assigned advisor, and the
 * response now awaited (if any) with its warning and due instants. Each wait is a new
 * {@code period}; its warning and breach fire once each.
 */
@Entity
@Table(name = "chat_response_clock")
public class ResponseClock extends PanacheEntityBase {
    @Id
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Column(name = "garage_id")
    public UUID garageId;
    @Enumerated(EnumType.STRING)
    public ChatPriority priority = ChatPriority.NORMAL;
    @Column(name = "priority_reason")
    public String priorityReason;
    /** Who set the priority last; null while never changed. */
    @Column(name = "priority_set_by")
    public UUID prioritySetBy;
    /** Null: the job's advisor, else every advisor of the garage. */
    @Column(name = "assigned_advisor_id")
    public UUID assignedAdvisorId;
    @Column(name = "answered_once")
    public boolean answeredOnce;
    public long period;
    /** The response awaited, null while the last word is staff's (the clock is paused). */
    @Enumerated(EnumType.STRING)
    public ResponseKind awaiting;
    @Column(name = "awaiting_since")
    public Instant awaitingSince;
    @Column(name = "warn_at")
    public Instant warnAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "warned_at")
    public Instant warnedAt;
    @Column(name = "breached_at")
    public Instant breachedAt;
    @Version
    public long version;

    static ResponseClock start(UUID conversationId, UUID garageId) {
        ResponseClock clock = new ResponseClock();
        clock.conversationId = conversationId;
        clock.garageId = garageId;
        return clock;
    }

    public boolean isAwaiting() {
        return awaiting != null;
    }

    /** A customer message starts a wait unless one runs already (the first unanswered message counts). */
    boolean await(Instant at) {
        if (isAwaiting()) {
            return false;
        }
        period++;
        awaiting = answeredOnce ? ResponseKind.NEXT : ResponseKind.FIRST;
        awaitingSince = at;
        warnedAt = null;
        breachedAt = null;
        return true;
    }

    void schedule(ResponseTargets.Deadline deadline) {
        warnAt = deadline.warnAt();
        dueAt = deadline.dueAt();
    }

    /** A staff answer ends the wait. */
    void answered() {
        awaiting = null;
        awaitingSince = null;
        warnAt = null;
        dueAt = null;
        answeredOnce = true;
    }
}
