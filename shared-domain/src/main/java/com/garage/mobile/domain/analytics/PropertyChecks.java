package com.garage.mobile.domain.analytics;

import java.util.Map;

/** An event's properties against its schema: every required one present, none undeclared, each of its type. */
final class PropertyChecks {

    private PropertyChecks() {
    }

    /** The refusal of the first property at fault, or null when all fit. */
    static EventOutcome refusal(EventSchema schema, Map<String, Object> properties, int index, String id) {
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            PropertySpec spec = schema.properties().get(property.getKey());
            if (spec == null) {
                return EventOutcome.rejected(index, id, "properties." + property.getKey(),
                        "is not a property of " + schema.name());
            }
            String refusal = property.getValue() == null ? "must not be null" : spec.refusal(property.getValue());
            if (refusal != null) {
                return EventOutcome.rejected(index, id, "properties." + property.getKey(), refusal);
            }
        }
        for (Map.Entry<String, PropertySpec> spec : schema.properties().entrySet()) {
            if (spec.getValue().required() && !properties.containsKey(spec.getKey())) {
                return EventOutcome.rejected(index, id, "properties." + spec.getKey(), "is required");
            }
        }
        return null;
    }
}
