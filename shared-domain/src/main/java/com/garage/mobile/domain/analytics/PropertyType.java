package com.garage.mobile.domain.analytics;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a property of an event may carry. Only {@link #TEXT} takes free text, and only where a
 * schema declares it; every other string is a short code, so a name, an address or a message
 * typed by someone cannot slip into the analytics store as a "screen" or a "category".
 */
public enum PropertyType {
    UUID_VALUE("uuid"),
    /** A short code: letters, digits and {@code . _ : -}, at most 64 characters. */
    TOKEN("token"),
    /** One of the schema's listed values. */
    ENUM("enum"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    /** Free text, up to the property's length; refused unless the schema declares it. */
    TEXT("text");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private final String wireName;

    PropertyType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static PropertyType of(String wireName) {
        for (PropertyType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown property type " + wireName);
    }

    /** Why the value does not fit, or null when it does. */
    String refusal(Object value, List<String> allowed, int maxLength) {
        return switch (this) {
            case UUID_VALUE -> value instanceof String text && isUuid(text) ? null : "must be a UUID";
            case TOKEN -> value instanceof String text && CODE.matcher(text).matches() ? null
                    : "must be a short code (letters, digits, . _ : -); free text is not allowed here";
            case ENUM -> value instanceof String text && allowed.contains(text) ? null
                    : "must be one of " + String.join(", ", allowed);
            case INTEGER -> value instanceof Integer || value instanceof Long ? null : "must be an integer";
            case NUMBER -> value instanceof Number ? null : "must be a number";
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
            case TEXT -> value instanceof String text && text.length() <= maxLength ? null
                    : "must be text of at most %d characters".formatted(maxLength);
        };
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
