package com.garage.mobile.domain.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** JSON arrays in text columns: the reactive PostgreSQL driver reads a jsonb column as an object only. */
final class JsonLists {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLists() {
    }

    /** A template's sections. */
    @Converter
    static final class Sections extends Of<TemplateSection> {
        Sections() {
            super(new TypeReference<>() {
            });
        }
    }

    /** An item's measurement definitions. */
    @Converter
    static final class MeasurementSpecs extends Of<MeasurementSpec> {
        MeasurementSpecs() {
            super(new TypeReference<>() {
            });
        }
    }

    abstract static class Of<T> implements AttributeConverter<List<T>, String> {
        private final TypeReference<List<T>> type;

        Of(TypeReference<List<T>> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(List<T> values) {
            try {
                return JSON.writeValueAsString(values == null ? List.of() : values);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<T> convertToEntityAttribute(String text) {
            try {
                return text == null ? List.of() : JSON.readValue(text, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
