package com.garage.mobile.testing.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Bodies made from an operation's schema: a plausible valid one, and a wrong value for a field. */
final class BodyShapes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Values for patterned strings: a version, a language tag, a time zone, a token, a time of day. */
    private static final List<String> PATTERN_SAMPLES = List.of("x", "1.0", "en-GB", "Europe/London",
            "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", "07:30", "pm_card_visa", "oil-change",
            "roadside-demo", "15V320000", "+44 7700 900123");

    private BodyShapes() {
    }

    /** A body that passes the schema: every property with the simplest value its type allows. */
    static ObjectNode plausible(JsonNode schema) {
        ObjectNode body = JSON.objectNode();
        schema.path("properties").properties().forEach(property -> body.set(property.getKey(),
                value(property.getValue())));
        return body;
    }

    /** A value of the wrong JSON type for the property. */
    static JsonNode wrongType(JsonNode property) {
        return switch (property.path("type").asText()) {
            case "string" -> JSON.numberNode(12345);
            case "boolean" -> JSON.textNode("yes");
            case "array" -> JSON.textNode("not a list");
            case "object" -> JSON.arrayNode().add("not an object");
            default -> JSON.textNode("not a number");
        };
    }

    /** Properties holding free text: strings without a choice of values, a format or a pattern. */
    static List<String> freeText(JsonNode schema) {
        List<String> fields = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> {
            JsonNode described = property.getValue();
            if (described.path("type").asText().equals("string") && !described.has("enum")
                    && !described.has("format") && !described.has("pattern")) {
                fields.add(property.getKey());
            }
        });
        return fields;
    }

    private static JsonNode value(JsonNode property) {
        if (property.has("enum")) {
            return property.path("enum").get(0);
        }
        return switch (property.path("type").asText()) {
            case "integer" -> JSON.numberNode(property.path("minimum").asLong(0));
            case "number" -> JSON.numberNode(property.path("minimum").decimalValue());
            case "boolean" -> JSON.booleanNode(false);
            case "array" -> JSON.arrayNode();
            case "object" -> plausible(property);
            default -> JSON.textNode(text(property));
        };
    }

    private static String text(JsonNode property) {
        return switch (property.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> Instant.now().toString();
            default -> property.has("pattern") ? matching(property.path("pattern").asText())
                    : "x".repeat(Math.max(1, property.path("minLength").asInt(1)));
        };
    }

    /** A plain value the pattern accepts; a pattern none of them fits needs a sample added here. */
    private static String matching(String pattern) {
        Pattern regex = Pattern.compile(pattern);
        return PATTERN_SAMPLES.stream().filter(sample -> regex.matcher(sample).matches()).findFirst()
                .orElseThrow(() -> new AssertionError("no plausible value for the pattern " + pattern
                        + ": add a sample to BodyShapes.PATTERN_SAMPLES"));
    }
}
