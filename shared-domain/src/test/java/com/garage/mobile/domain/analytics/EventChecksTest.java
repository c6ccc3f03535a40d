package com.garage.mobile.domain.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventChecksTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    static final EventSchema FEEDBACK_TAPPED = new EventSchema("feedback.tapped", 1, EventSchema.EventSource.APP,
            "jobId", Map.of(
                    "jobId", new PropertySpec(PropertyType.UUID_VALUE, true, List.of(), 0),
                    "rating", new PropertySpec(PropertyType.INTEGER, false, List.of(), 0),
                    "mood", new PropertySpec(PropertyType.ENUM, false, List.of("happy", "sad"), 0),
                    "comment", new PropertySpec(PropertyType.TEXT, false, List.of(), 20),
                    "screen", new PropertySpec(PropertyType.TOKEN, false, List.of(), 0)));
    static final EventSchema SERVER_ONLY = new EventSchema("estimate.approved", 1, EventSchema.EventSource.SERVER,
            "jobId", Map.of());

    final EventChecks checks = new EventChecks(Map.of(FEEDBACK_TAPPED.name(), FEEDBACK_TAPPED,
            SERVER_ONLY.name(), SERVER_ONLY), NOW, Duration.ofHours(72), Duration.ofMinutes(10));
    final UUID job = UUID.randomUUID();

    @Test
    void aWellFormedEventPassesWithItsJourney() {
        EventChecks.Checked checked = checks.check(0, event(Map.of("jobId", job.toString(), "rating", 9,
                "mood", "happy", "comment", "Quick and kind", "screen", "job-detail")));
        assertNull(checked.refusal());
        assertEquals(job, checked.event().journeyId());
    }

    @Test
    void freeTextIsRefusedWhereTheSchemaAsksForACode() {
        assertRefused(event(Map.of("jobId", job.toString(), "screen", "Carl Jensen")), "properties.screen");
        assertRefused(event(Map.of("jobId", job.toString(), "screen", "carl@example.com")), "properties.screen");
    }

    @Test
    void eachTypeHoldsItsOwnKindOfValue() {
        assertRefused(event(Map.of("jobId", "job-1")), "properties.jobId");
        assertRefused(event(Map.of("jobId", job.toString(), "rating", 9.5)), "properties.rating");
        assertRefused(event(Map.of("jobId", job.toString(), "mood", "angry")), "properties.mood");
        assertRefused(event(Map.of("jobId", job.toString(), "comment", "x".repeat(21))), "properties.comment");
        assertRefused(event(Map.of("jobId", job.toString(), "phone", "0207")), "properties.phone");
        assertRefused(event(Map.of()), "properties.jobId");
    }

    @Test
    void clientTimeMustLieBetweenTheLateBoundAndTheAllowedSkew() {
        assertNull(checks.check(0, event(Map.of("jobId", job.toString()), NOW.minus(Duration.ofHours(71)))).refusal());
        assertRefused(event(Map.of("jobId", job.toString()), NOW.minus(Duration.ofHours(73))), "clientTime");
        assertNull(checks.check(0, event(Map.of("jobId", job.toString()), NOW.plus(Duration.ofMinutes(9)))).refusal());
        assertRefused(event(Map.of("jobId", job.toString()), NOW.plus(Duration.ofMinutes(11))), "clientTime");
    }

    @Test
    void theServersEventsAndUnknownFieldsAreRefused() {
        Map<String, Object> server = event(Map.of());
        server.put("name", "estimate.approved");
        assertRefused(server, "name");
        Map<String, Object> extra = event(Map.of("jobId", job.toString()));
        extra.put("userId", "u-1");
        assertRefused(extra, "userId");
    }

    private Map<String, Object> event(Map<String, Object> properties) {
        return event(properties, NOW);
    }

    private static Map<String, Object> event(Map<String, Object> properties, Instant at) {
        Map<String, Object> event = new HashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("name", "feedback.tapped");
        event.put("clientTime", at.toString());
        event.put("properties", properties);
        return event;
    }

    private void assertRefused(Map<String, Object> event, String field) {
        EventOutcome refusal = checks.check(3, event).refusal();
        assertNotNull(refusal, "expected a refusal of " + field);
        assertEquals(field, refusal.field());
        assertEquals(3, refusal.index());
        assertEquals(EventOutcome.Status.REJECTED, refusal.status());
    }
}
