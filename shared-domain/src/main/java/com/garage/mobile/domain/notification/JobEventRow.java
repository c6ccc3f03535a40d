package com.garage.mobile.domain.notification;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** A committed job event waiting for its notification decision. */
public record JobEventRow(long id, UUID jobId, String type, boolean customerVisible, JsonObject payload, String actorSubject) {
}
