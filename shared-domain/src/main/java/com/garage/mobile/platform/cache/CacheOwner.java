package com.garage.mobile.platform.cache;

/**
 * Whose cached payloads these are. Each owner has one generation counter in Redis that is part
 * of every key of its payloads, so one INCR evicts all its pages and variants on every pod. A
 * feature names its owners (e.g. {@code board:<garage>:technician:<id>}) where it declares the
 * {@link CacheInvalidation} that evicts them.
 */
public record CacheOwner(String key) {
}
