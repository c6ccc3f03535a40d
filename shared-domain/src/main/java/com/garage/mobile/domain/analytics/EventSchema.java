package com.garage.mobile.domain.analytics;

import java.util.Map;

/**
 * A registered kind of event: its name, who sends it (the apps or the server), the property that
 * names the journey it belongs to, and what each property may carry. Properties it does not
 * declare are refused.
 */
public record EventSchema(String name, int version, EventSource source, String journeyKey,
        Map<String, PropertySpec> properties) {

    public EventSchema {
        properties = Map.copyOf(properties);
    }

    /** Who sends events of a schema. */
    public enum EventSource {
        APP, SERVER
    }
}
