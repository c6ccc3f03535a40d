package com.garage.mobile.testing.abuse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;

/** What the BFF answered a {@link Shot}: its status, headers and body. */
record Answer(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The media type, without its parameters; empty when the answer names none. */
    String mediaType() {
        return header("Content-Type").split(";")[0].trim();
    }

    /** The header's first value; empty when the answer has none. */
    String header(String name) {
        return headers.firstValue(name).orElse("");
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the answer is not JSON: " + body, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
