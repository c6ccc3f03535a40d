package com.garage.mobile.platform.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garage.mobile.domain.access.AppAudience;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns live messages into the JSON text frames the apps read. */
@ApplicationScoped
class LiveWriter {

    private final ObjectMapper json;

    LiveWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The event in the words of the app's audience, or null when it has nothing to say about it:
     * what every event message carries, then what its topic adds.
     */
    String event(AppAudience audience, LiveEvent<?> event) {
        Object message = event.message(audience);
        if (message == null) {
            return null;
        }
        ObjectNode text = json.createObjectNode().put("type", "event").put("topic", event.topic().name())
                .put("eventId", event.id());
        text.set("occurredAt", json.valueToTree(event.occurredAt()));
        text.setAll((ObjectNode) json.valueToTree(message));
        return text(text);
    }

    String text(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A live message could not be written as JSON", e);
        }
    }
}
