package com.garage.mobile.platform.cache;

import java.util.Collection;

/**
 * Which cached payloads a committed change makes stale, contributed by the feature that caches them
 * as a CDI bean. {@link CacheEvictions} asks every invalidation of the change's type, in the writing
 * pod and (for job events) again on every pod. See docs/caching.md, "Adding a cached screen".
 *
 * @param <C> the kind of change: a {@code JobEventMessage}, or a feature's own change record
 */
public interface CacheInvalidation<C> {

    /** The kind of change this invalidation reacts to. */
    Class<C> changeType();

    /** The owners whose payloads the change made stale; empty when it concerns none of them. */
    Collection<CacheOwner> staleAfter(C change);
}
