package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event of some topic as the live channel handles it.
 *
 * @param id         orders and resumes across all topics; the apps dedupe by it
 * @param line       what the event is ordered within (a job for the job topic), or null if its
 *                   topic needs no order beyond arrival
 * @param seq        its place in its line (1, 2, 3…)
 * @param garageId   whose staff may follow it
 * @param people     the people (customers, technicians) it may concern
 */
public record LiveEvent<E>(LiveTopic<E> topic, E body, long id, Instant occurredAt, Object line, long seq,
        UUID garageId, List<UUID> people) {

    boolean visibleTo(Actor actor) {
        return topic.visibleTo(actor, body);
    }

    Object message(AppAudience audience) {
        return topic.message(audience, body);
    }

    /** The events of this one's line strictly between {@code afterSeq} and it. */
    Uni<List<LiveEvent<?>>> predecessorsAfter(long afterSeq) {
        return topic.history().between(line, afterSeq, seq).map(this::described);
    }

    /** The last event of this one's line that was published before {@code instant}; 0 if none. */
    Uni<Long> lastSeqPublishedBefore(Instant instant) {
        return topic.history().lastSeqPublishedBefore(line, seq, instant);
    }

    private List<LiveEvent<?>> described(List<E> events) {
        return events.stream().<LiveEvent<?>>map(topic::describe).toList();
    }
}
