package com.garage.mobile.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** Batches of fresh {@code screen.viewed} events, as the app sends them. */
final class Events {

    private Events() {
    }

    static JsonArray batch(String screen) {
        JsonArray events = new JsonArray();
        String now = Instant.now().toString();
        for (int i = 0; i < AnalyticsIngestBench.BATCH; i++) {
            events.add(new JsonObject().put("id", UUID.randomUUID().toString()).put("name", "screen.viewed")
                    .put("clientTime", now).put("offline", false)
                    .put("properties", new JsonObject().put("screen", screen)));
        }
        return events;
    }
}
