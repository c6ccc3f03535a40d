package com.garage.mobile.platform.events;

import java.time.Instant;

/**
 * A committed event as its table holds it.
 *
 * @param publishedAt when it went on its Redis stream, or null if it has not yet
 */
public record StoredEvent<E>(E event, Instant publishedAt) {
}
