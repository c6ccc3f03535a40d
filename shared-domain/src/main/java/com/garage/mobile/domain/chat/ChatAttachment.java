package com.garage.mobile.domain.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.UUID;

/** A photo, video or audio note sent with a message, as the message keeps it. */
@RegisterForReflection
public record ChatAttachment(UUID mediaId, String kind, String contentType) {

    /** A message's attachments as a JSON array in a text column (the reactive driver reads jsonb as objects only). */
    @Converter
    static final class ListColumn implements AttributeConverter<List<ChatAttachment>, String> {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final TypeReference<List<ChatAttachment>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<ChatAttachment> attachments) {
            try {
                return JSON.writeValueAsString(attachments == null ? List.of() : attachments);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<ChatAttachment> convertToEntityAttribute(String text) {
            try {
                return text == null ? List.of() : JSON.readValue(text, TYPE);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
