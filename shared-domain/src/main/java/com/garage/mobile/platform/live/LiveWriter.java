package com.garage.mobile.platform.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.event.JobEventMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns live messages into the JSON text frames the apps read. */
@ApplicationScoped
class LiveWriter {

    private final ObjectMapper json;

    LiveWriter(ObjectMapper json) {
        this.json = json;
    }

    /** The event in the app's words, or null when the app has nothing to say about it. */
    String event(LiveFormat format, JobEventMessage event) {
        Object message = format.message(event);
        return message != null ? text(message) : null;
    }

    String text(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A live message could not be written as JSON", e);
        }
    }
}
