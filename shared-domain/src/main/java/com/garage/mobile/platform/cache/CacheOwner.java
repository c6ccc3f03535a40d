package com.garage.mobile.platform.cache;

import java.util.UUID;

/**
 * Whose cached payloads these are. Each owner has one generation counter in Redis that is part
 * of every key of its payloads, so one INCR evicts all its pages and variants on every pod.
 */
public record CacheOwner(String key) {

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

    /** A customer's profile. */
    public static CacheOwner customerProfile(UUID garageId, UUID customerId) {
        return new CacheOwner("profile:" + garageId + ":customer:" + customerId);
    }
}
