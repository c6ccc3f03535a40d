package com.garage.mobile.domain.media;

import com.garage.mobile.domain.access.Actor;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A kind of record media can be attached to: a job, a job step, an inspection item, a chat
 * conversation (uploaded, not sent yet), a chat message and feedback. Each is a CDI bean in its
 * feature's package; the media feature finds them by {@link #type()}.
 */
public interface MediaTarget {

    /**
     * The wire name apps send and {@code media.target_type} keeps: {@code job}, {@code job-step},
     * {@code inspection-item}, {@code chat-conversation}, {@code chat-message}, {@code feedback}.
     */
    String type();

    /**
     * The job the target belongs to, when the actor may attach media to it: empty only for a record
     * outside any job (a customer's general conversation and its messages, feedback). Fails with the usual
     * problems (404 for a record outside the actor's garage, 403 when the actor may not edit it, 409
     * when it takes no more media).
     */
    Uni<Optional<UUID>> jobForAttaching(Actor actor, UUID targetId);

    /**
     * Whether customers may upload to this kind of target; only their own rule ({@link
     * #jobForAttaching}) then says which records. Staff-only unless a target says otherwise.
     */
    default boolean takesCustomerUploads() {
        return false;
    }

    /** Of these targets of one garage, those whose media the job's customer may see now. */
    Uni<Set<UUID>> visibleToCustomer(UUID garageId, Collection<UUID> targetIds);

    /**
     * The customer a target outside any job belongs to (a general conversation's message), who is then
     * the only customer who may see its media; null for any other. Media with a job belong to the
     * job's customer instead.
     */
    default Uni<UUID> customerOutsideJobs(UUID garageId, UUID targetId) {
        return Uni.createFrom().nullItem();
    }
}
