package com.garage.mobile.domain.chat.escalation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.Conversation;
import com.garage.mobile.domain.hours.BusinessCalendars;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs a conversation's response clock from the messages of its customer channel: a customer
 * message starts a wait for a staff answer (the first response, or the next one after an answer),
 * due on the garage's business hours by its priority's target; a staff message ends the wait and
 * records the response. While the last word is staff's the clock is paused. The workshop channel
 * and system messages do not touch it. Runs in the sender's transaction, under the conversation's
 * row lock.
 */
@ApplicationScoped
public class ResponseClocks {

    private final BusinessCalendars calendars;
    private final ResponseTargetService targets;

    public ResponseClocks(BusinessCalendars calendars, ResponseTargetService targets) {
        this.calendars = calendars;
        this.targets = targets;
    }

    /**
     * Moves the clock for a message; {@code awaitingAnswer}, read with the conversation's lock, spares
     * reading the clock when the message cannot move it.
     */
    public Uni<Void> onMessage(Conversation conversation, ChatChannel channel, Actor author, Instant at,
            boolean awaitingAnswer) {
        if (!moves(channel, author, awaitingAnswer)) {
            return Uni.createFrom().voidItem();
        }
        return clockOf(conversation).chain(clock -> author.isCustomer() ? asked(clock, at)
                : answered(clock, author.personId(), at));
    }

    /**
     * Whether a message can move the clock: one of the customer channel, from the customer while no
     * answer is awaited (a wait starts), or from staff while one is (the wait ends).
     */
    public static boolean moves(ChatChannel channel, Actor author, boolean awaitingAnswer) {
        return channel == ChatChannel.CUSTOMER && author.role() != ActorRole.SYSTEM
                && author.isCustomer() != awaitingAnswer;
    }

    /** The conversation's clock, or a new one at normal priority with nothing awaited. */
    public Uni<ResponseClock> clockOf(Conversation conversation) {
        return ResponseClock.<ResponseClock>findById(conversation.id)
                .map(found -> found != null ? found : ResponseClock.start(conversation.id, conversation.garageId));
    }

    /** Sets the deadline of the wait now running, from its start, by the clock's priority. */
    Uni<ResponseClock> reschedule(ResponseClock clock) {
        if (!clock.isAwaiting()) {
            return Uni.createFrom().item(clock);
        }
        return calendars.calendarOf(clock.garageId).chain(calendar -> targets.targetsOf(clock.garageId)
                .invoke(garageTargets -> clock.schedule(garageTargets.deadline(calendar, clock.awaitingSince,
                        clock.priority, clock.awaiting))))
                .replaceWith(clock);
    }

    private Uni<Void> asked(ResponseClock clock, Instant at) {
        if (!clock.await(at)) {
            return Uni.createFrom().voidItem();
        }
        return reschedule(clock).call(started -> started.persist()).replaceWithVoid();
    }

    private Uni<Void> answered(ResponseClock clock, UUID staffId, Instant at) {
        if (!clock.isAwaiting()) {
            return Uni.createFrom().voidItem();
        }
        return calendars.calendarOf(clock.garageId).chain(calendar -> targets.targetsOf(clock.garageId)
                .chain(garageTargets -> {
                    ChatResponse response = new ChatResponse();
                    response.id = UUID.randomUUID();
                    response.garageId = clock.garageId;
                    response.conversationId = clock.conversationId;
                    response.kind = clock.awaiting;
                    response.priority = clock.priority;
                    response.askedAt = clock.awaitingSince;
                    response.answeredAt = at;
                    response.answeredBy = staffId;
                    response.responseSeconds = calendar.workingTime(clock.awaitingSince, at).toSeconds();
                    Duration target = garageTargets.target(clock.priority, clock.awaiting);
                    response.targetSeconds = target.toSeconds();
                    response.breached = clock.dueAt != null && at.isAfter(clock.dueAt);
                    clock.answered();
                    return response.persist().chain(() -> clock.persist());
                })).replaceWithVoid();
    }
}
