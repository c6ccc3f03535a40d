package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.platform.events.StoredEvent;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A topic's events read back from PostgreSQL: to fill a gap in a line, and to replay a reconnect. */
public interface LiveHistory<E> {

    /** The event with this id, if it is one of this topic's. */
    Uni<Optional<StoredEvent<E>>> find(long eventId);

    /**
     * The events after the resume point that the actor may see, in id order, at most {@code limit}:
     * every later one, plus earlier ones (of other lines than the resume point's) that were not yet
     * published when it was.
     */
    Uni<List<E>> missedBy(Actor actor, ResumePoint from, int limit);

    /** The events of a line strictly between two sequence numbers, in order; only for ordered topics. */
    default Uni<List<E>> between(Object line, long afterSeq, long beforeSeq) {
        return Uni.createFrom().item(List.of());
    }

    /** The last sequence number of a line below {@code beforeSeq} published before {@code instant}; 0 if none. */
    default Uni<Long> lastSeqPublishedBefore(Object line, long beforeSeq, Instant instant) {
        return Uni.createFrom().item(0L);
    }

    /**
     * Where a reconnecting client resumes.
     *
     * @param eventId     the last event it received
     * @param publishedAt when that event was published, or null if not yet
     * @param line        that event's line if it belongs to the topic asked, else null
     * @param lookback    how many ids below {@code eventId} to check for events published after it
     */
    record ResumePoint(long eventId, Instant publishedAt, Object line, int lookback) {
    }
}
