package com.garage.mobile.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Batches of fresh {@code screen.viewed} events, as the apps send them: each id a time-ordered
 * UUIDv7 (RFC 9562), as {@code js/analytics.js} chooses it.
 */
final class Events {

    private Events() {
    }

    static JsonArray batch(String screen) {
        JsonArray events = new JsonArray();
        String now = Instant.now().toString();
        for (int i = 0; i < AnalyticsIngestBench.BATCH; i++) {
            events.add(new JsonObject().put("id", uuidV7().toString()).put("name", "screen.viewed")
                    .put("clientTime", now).put("offline", false)
                    .put("properties", new JsonObject().put("screen", screen)));
        }
        return events;
    }

    static UUID uuidV7() {
        long millis = System.currentTimeMillis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
