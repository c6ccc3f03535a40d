package com.garage.mobile.platform.offline;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.event.JobEventMessage;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * One kind of offline write in an app: how to read its payload, whether it needs a step-up, how to
 * apply it through its domain service, and how the app sees the record.
 *
 * @param <P> the operation's typed payload
 */
public interface MutationHandler<P> {

    /** What a queued mutation names to reach this handler, e.g. {@code job-note}. */
    String entityName();

    /** The operation on that entity, e.g. {@code add}. */
    String operationName();

    default String key() {
        return OfflineWrites.key(entityName(), operationName());
    }

    /** The audit action, also used for refusals. */
    String action();

    /** The audit resource type. */
    String resourceType();

    Class<P> payloadType();

    /** Whether the operation changes an existing row, and so needs a {@code baseVersion}. */
    default boolean needsBaseVersion() {
        return true;
    }

    /** What this payload does that needs a recent strong sign-in, or null if nothing does. */
    default String stepUpAction(P payload) {
        return null;
    }

    /** Applies the change in the caller's transaction. */
    Uni<Applied> apply(Actor actor, UUID entityId, Long baseVersion, P payload);

    /** The record as it is now, shaped for the app, for a conflict's answer. */
    Uni<Applied> current(Actor actor, UUID entityId);

    /** A record shaped for the app, its version, and what to publish after commit. */
    record Applied(Object record, long version, List<JobEventMessage> events) {

        public static Applied of(Object record, long version, Changed<?> changed) {
            return new Applied(record, version, changed.events());
        }

        public static Applied of(Object record, long version) {
            return new Applied(record, version, List.of());
        }
    }
}
