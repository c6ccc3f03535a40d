package com.garage.mobile.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class RenderedJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> VIEW = Map.of("items", List.of("golf", "polo"), "hasMore", false);

    @Test
    void theGzipAnswerIsThePlainJsonCompressedUnderTheSameWeakTag() throws IOException {
        RenderedJson plain = RenderedJson.of(VIEW, JSON, false, null);
        RenderedJson gzip = RenderedJson.of(VIEW, JSON, true, null);

        assertArrayEquals(JSON.writeValueAsBytes(VIEW), plain.body());
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertArrayEquals(plain.body(), unzipped.readAllBytes());
        }
        assertEquals(plain.etag(), gzip.etag());
        assertTrue(plain.etag().matches("W/\"[A-Za-z0-9_-]{16}\""), plain.etag());
        assertNotEquals(plain.etag(), RenderedJson.of(Map.of("items", List.of()), JSON, false, null).etag());
    }

    @Test
    void anAnswerIsRightUntilItsLastGoodInstantInclusive() {
        Instant due = Instant.parse("2026-12-05T10:00:00Z");
        RenderedJson rendered = RenderedJson.of(VIEW, JSON, false, due);

        assertTrue(rendered.goodAt(due.minusSeconds(60)));
        assertTrue(rendered.goodAt(due));
        assertFalse(rendered.goodAt(due.plusMillis(1)));
        assertTrue(RenderedJson.of(VIEW, JSON, false, null).goodAt(Instant.MAX));
    }

    @Test
    void gzipIsAcceptedUnlessRefusedOrUnnamed() {
        assertTrue(RenderedJson.acceptsGzip("gzip"));
        assertTrue(RenderedJson.acceptsGzip("deflate, GZIP;q=0.5, br"));
        assertTrue(RenderedJson.acceptsGzip("*"));
        assertFalse(RenderedJson.acceptsGzip(null));
        assertFalse(RenderedJson.acceptsGzip("identity"));
        assertFalse(RenderedJson.acceptsGzip("deflate, br"));
        assertFalse(RenderedJson.acceptsGzip("gzip;q=0, *"));
        assertFalse(RenderedJson.acceptsGzip("*;q=0"));
        assertFalse(RenderedJson.acceptsGzip("gzip;q=zero"));
    }
}
