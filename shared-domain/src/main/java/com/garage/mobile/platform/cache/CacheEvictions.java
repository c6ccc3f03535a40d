package com.garage.mobile.platform.cache;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.platform.events.LocalCommitListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evicts the payloads a committed change made stale, as the features' {@link CacheInvalidation}s
 * say: synchronously in the pod that wrote it (so its client reads its own write) and, for job
 * events, again on every pod when the event arrives from Redis ({@link JobEventEvictions}).
 * Evicting twice costs one more INCR and is otherwise harmless.
 */
@ApplicationScoped
public class CacheEvictions implements LocalCommitListener {

    private final HotPayloadCache cache;
    private final List<CacheInvalidation<?>> invalidations;

    public CacheEvictions(HotPayloadCache cache, Instance<CacheInvalidation<?>> invalidations) {
        this.cache = cache;
        this.invalidations = invalidations.stream().toList();
    }

    /** Evicts what these committed job events make stale; never fails. */
    @Override
    public Uni<Void> committed(List<JobEventMessage> events) {
        return changed(events);
    }

    /** Evicts what these committed changes make stale; never fails. */
    public Uni<Void> changed(Collection<?> changes) {
        Set<CacheOwner> owners = new LinkedHashSet<>();
        for (Object change : changes) {
            invalidations.forEach(invalidation -> owners.addAll(staleAfter(invalidation, change)));
        }
        return cache.evict(owners);
    }

    private static <C> Collection<CacheOwner> staleAfter(CacheInvalidation<C> invalidation, Object change) {
        Class<C> type = invalidation.changeType();
        return type.isInstance(change) ? invalidation.staleAfter(type.cast(change)) : List.of();
    }
}
