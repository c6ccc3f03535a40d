package com.garage.mobile.api.jobs;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.platform.cache.CacheInvalidation;
import com.garage.mobile.platform.cache.CacheOwner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The cached job screens of both apps and the job events that make them stale. Shared, because a
 * change written through one app evicts screens of the other.
 */
@ApplicationScoped
public class JobScreens implements CacheInvalidation<JobEventMessage> {

    /** A technician's own job board. */
    public static CacheOwner technicianBoard(UUID garageId, UUID technicianId) {
        return new CacheOwner("board:" + garageId + ":technician:" + technicianId);
    }

    /** The whole-workshop board of a garage, the same for every advisor. */
    public static CacheOwner garageBoard(UUID garageId) {
        return new CacheOwner("board:" + garageId + ":garage");
    }

    /** A customer's jobs: each job's view and the pages of their job list. */
    public static CacheOwner customerJobs(UUID garageId, UUID customerId) {
        return new CacheOwner("jobs:" + garageId + ":customer:" + customerId);
    }

    @Override
    public Class<JobEventMessage> changeType() {
        return JobEventMessage.class;
    }

    /**
     * The boards of the technicians on the job when it happened and of one the event names (an
     * unassigned technician must lose the job), the garage board and the customer's job views.
     */
    @Override
    public Collection<CacheOwner> staleAfter(JobEventMessage event) {
        Set<CacheOwner> owners = new LinkedHashSet<>();
        owners.add(garageBoard(event.garageId()));
        if (event.technicianIds() != null) {
            event.technicianIds().forEach(id -> owners.add(technicianBoard(event.garageId(), id)));
        }
        named(event).ifPresent(id -> owners.add(technicianBoard(event.garageId(), id)));
        if (event.customerId() != null) {
            owners.add(customerJobs(event.garageId(), event.customerId()));
        }
        return owners;
    }

    private static Optional<UUID> named(JobEventMessage event) {
        Object named = event.payload() == null ? null : event.payload().get("technicianId");
        try {
            return named == null ? Optional.empty() : Optional.of(UUID.fromString(named.toString()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
