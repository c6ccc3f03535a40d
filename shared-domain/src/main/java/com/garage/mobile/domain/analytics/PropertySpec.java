package com.garage.mobile.domain.analytics;

import java.util.List;

/**
 * What one property of an event schema may carry.
 *
 * @param values    the allowed values of an {@link PropertyType#ENUM}; empty otherwise
 * @param maxLength the longest {@link PropertyType#TEXT}; ignored for other types
 */
public record PropertySpec(PropertyType type, boolean required, List<String> values, int maxLength) {

    public static final int DEFAULT_TEXT_LENGTH = 500;

    public PropertySpec {
        values = values == null ? List.of() : List.copyOf(values);
        maxLength = maxLength > 0 ? maxLength : DEFAULT_TEXT_LENGTH;
    }

    /** Why the value does not fit, or null when it does. */
    public String refusal(Object value) {
        return type.refusal(value, values, maxLength);
    }
}
