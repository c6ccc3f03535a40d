package com.garage.mobile.platform.cache;

import com.garage.mobile.platform.events.LocalCommitListener;

import com.garage.mobile.domain.customer.ProfileChangeListener;

import com.garage.mobile.domain.event.JobEventMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Evicts the payloads a committed change made stale: synchronously in the pod that wrote it (so
 * its client reads its own write) and again on every pod when the event arrives from Redis
 * ({@link JobEventEvictions}). Evicting twice costs one more INCR and is otherwise harmless.
 */
@ApplicationScoped
public class CacheEvictions implements ProfileChangeListener, LocalCommitListener {

    private final HotPayloadCache cache;

    public CacheEvictions(HotPayloadCache cache) {
        this.cache = cache;
    }

    /** Evicts what these committed events make stale; never fails. */
    @Override
    public Uni<Void> committed(List<JobEventMessage> events) {
        Set<CacheOwner> owners = new LinkedHashSet<>();
        events.forEach(event -> owners.addAll(staleAfter(event)));
        return cache.evict(owners);
    }

    /**
     * Evicts a customer's cached profile, and the garage board that shows their name; call it
     * after a profile change commits.
     */
    @Override
    public Uni<Void> profileChanged(UUID garageId, UUID customerId) {
        return cache.evict(List.of(CacheOwner.customerProfile(garageId, customerId), CacheOwner.garageBoard(garageId)));
    }

    /**
     * The boards of the technicians on the job when it happened and of one the event names (an
     * unassigned technician must lose the job), the garage board and the customer's job views.
     */
    static Set<CacheOwner> staleAfter(JobEventMessage event) {
        Set<CacheOwner> owners = new LinkedHashSet<>();
        owners.add(CacheOwner.garageBoard(event.garageId()));
        if (event.technicianIds() != null) {
            event.technicianIds().forEach(id -> owners.add(CacheOwner.technicianBoard(event.garageId(), id)));
        }
        named(event).ifPresent(id -> owners.add(CacheOwner.technicianBoard(event.garageId(), id)));
        if (event.customerId() != null) {
            owners.add(CacheOwner.customerJobs(event.garageId(), event.customerId()));
        }
        return owners;
    }

    private static Optional<UUID> named(JobEventMessage event) {
        Object named = event.payload() == null ? null : event.payload().get("technicianId");
        try {
            return named == null ? Optional.empty()
                    : Optional.of(UUID.fromString(named.toString()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
