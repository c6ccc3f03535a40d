package com.garage.mobile.domain.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules one event of an app's batch must pass, as a pure function: its fields, a registered
 * app schema, each property against what it may carry, and its client time between the late
 * bound and the allowed clock skew. Gives the checked event or the refusal with its reason.
 */
public final class EventChecks {

    private static final Set<String> FIELDS = Set.of("id", "name", "clientTime", "offline", "properties");

    private final Map<String, EventSchema> schemas;
    private final Instant now;
    private final Duration lateBound;
    private final Duration clockSkew;

    public EventChecks(Map<String, EventSchema> schemas, Instant now, Duration lateBound, Duration clockSkew) {
        this.schemas = schemas;
        this.now = now;
        this.lateBound = lateBound;
        this.clockSkew = clockSkew;
    }

    /** The result of checking one event: either {@code event} or {@code refusal} is set. */
    public record Checked(SubmittedEvent event, EventOutcome refusal) {
    }

    public Checked check(int index, Map<String, Object> raw) {
        Object rawId = raw == null ? null : raw.get("id");
        String id = rawId instanceof String text ? text : null;
        if (raw == null) {
            return refuse(index, null, "event", "must be an object");
        }
        for (String field : raw.keySet()) {
            if (!FIELDS.contains(field)) {
                return refuse(index, id, field, "is not a field of an event");
            }
        }
        UUID uuid = uuid(id);
        if (uuid == null) {
            return refuse(index, id, "id", "must be a UUID chosen by the app");
        }
        EventSchema schema = raw.get("name") instanceof String name ? schemas.get(name) : null;
        if (schema == null || schema.source() != EventSchema.EventSource.APP) {
            return refuse(index, id, "name", "is not a registered app event");
        }
        Instant clientTime = instant(raw.get("clientTime"));
        if (clientTime == null) {
            return refuse(index, id, "clientTime", "must be an ISO-8601 instant");
        }
        if (clientTime.isBefore(now.minus(lateBound))) {
            return refuse(index, id, "clientTime", "is older than the late bound of %s".formatted(lateBound));
        }
        if (clientTime.isAfter(now.plus(clockSkew))) {
            return refuse(index, id, "clientTime", "is ahead of the server's time");
        }
        Object offline = raw.getOrDefault("offline", Boolean.FALSE);
        if (!(offline instanceof Boolean)) {
            return refuse(index, id, "offline", "must be true or false");
        }
        Object rawProperties = raw.getOrDefault("properties", Map.of());
        if (!(rawProperties instanceof Map<?, ?> properties)) {
            return refuse(index, id, "properties", "must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) properties;
        EventOutcome refusal = PropertyChecks.refusal(schema, typed, index, id);
        if (refusal != null) {
            return new Checked(null, refusal);
        }
        UUID journey = schema.journeyKey() != null ? uuid((String) typed.get(schema.journeyKey())) : null;
        return new Checked(new SubmittedEvent(index, uuid, schema.name(), clientTime, (Boolean) offline, typed,
                journey), null);
    }

    private static Checked refuse(int index, String id, String field, String reason) {
        return new Checked(null, EventOutcome.rejected(index, id, field, reason));
    }

    static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
