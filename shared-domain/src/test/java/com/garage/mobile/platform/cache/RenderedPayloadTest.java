package com.garage.mobile.platform.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.platform.web.RenderedJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderedPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> VIEW = Map.of("items", List.of("golf", "polo"), "hasMore", false);
    private static final RenderedPayload KEPT = new RenderedPayload("board");

    @Test
    void keptAsBytesItReadsBackAsRendered() throws IOException {
        for (RenderedJson rendered : List.of(RenderedJson.of(VIEW, JSON, true, Instant.parse("2026-12-05T10:00:00Z")),
                RenderedJson.of(VIEW, JSON, false, null))) {
            RenderedJson back = KEPT.read(KEPT.write(rendered, JSON), JSON);
            assertArrayEquals(rendered.body(), back.body());
            assertEquals(rendered.gzipped(), back.gzipped());
            assertEquals(rendered.etag(), back.etag());
            assertEquals(rendered.goodUntil(), back.goodUntil());
        }
    }

    @Test
    void bytesKeptInAnotherShapeAreRefusedSoTheCacheReloads() {
        assertThrows(IOException.class, () -> KEPT.read("{\"items\":[]}".getBytes(StandardCharsets.UTF_8), JSON));
        assertThrows(IOException.class, () -> KEPT.read("- p\n{}".getBytes(StandardCharsets.UTF_8), JSON));
    }
}
