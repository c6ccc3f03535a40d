package com.garage.mobile.technician.analytics;

import com.garage.mobile.domain.analytics.EventSchema;
import com.garage.mobile.domain.analytics.PropertySpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A registered event schema as admins read it. */
public record SchemaView(String name, int version, String source, String journeyKey,
        Map<String, PropertyView> properties) {

    /** What one property may carry: its type (uuid, token, enum, integer, number, boolean, text). */
    public record PropertyView(String type, boolean required, List<String> values, Integer maxLength) {

        static PropertyView of(PropertySpec spec) {
            return new PropertyView(spec.type().wireName(), spec.required(), spec.values().isEmpty() ? null : spec.values(),
                    "text".equals(spec.type().wireName()) ? spec.maxLength() : null);
        }
    }

    static SchemaView of(EventSchema schema) {
        Map<String, PropertyView> properties = new TreeMap<>();
        schema.properties().forEach((name, spec) -> properties.put(name, PropertyView.of(spec)));
        return new SchemaView(schema.name(), schema.version(), schema.source().name().toLowerCase(Locale.ROOT),
                schema.journeyKey(), properties);
    }
}
