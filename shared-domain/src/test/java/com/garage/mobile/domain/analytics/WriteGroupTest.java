package com.garage.mobile.domain.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WriteGroupTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @Test
    void anIdInSeveralBatchesIsWrittenOnceAndStoredForTheFirstOnly() {
        AnalyticsEvent shared = event();
        AnalyticsEvent firstOwn = event();
        AnalyticsEvent secondOwn = event();
        WriteGroup<AnalyticsEvent> group =
                new WriteGroup<>(List.of(List.of(shared, firstOwn), List.of(secondOwn, shared)), AnalyticsEvent::id);

        assertEquals(List.of(shared, firstOwn, secondOwn), group.rows());
        assertEquals(List.of(Set.of(shared.id(), firstOwn.id()), Set.of(secondOwn.id())),
                group.storedPerBatch(Set.of(shared.id(), firstOwn.id(), secondOwn.id())));
    }

    @Test
    void anIdTheStatementDidNotStoreIsNoBatchsToReport() {
        AnalyticsEvent storedBefore = event();
        AnalyticsEvent fresh = event();
        WriteGroup<AnalyticsEvent> group =
                new WriteGroup<>(List.of(List.of(storedBefore), List.of(fresh)), AnalyticsEvent::id);

        assertEquals(List.of(Set.of(), Set.of(fresh.id())), group.storedPerBatch(Set.of(fresh.id())));
    }

    @Test
    void aGroupOfOneBatchIsThatBatch() {
        List<AnalyticsEvent> batch = List.of(event(), event(), event());
        WriteGroup<AnalyticsEvent> group = new WriteGroup<>(List.of(batch), AnalyticsEvent::id);

        assertEquals(batch, group.rows());
        assertEquals(List.of(Set.of(batch.get(1).id())), group.storedPerBatch(Set.of(batch.get(1).id())));
    }

    private static AnalyticsEvent event() {
        return new AnalyticsEvent(UUID.randomUUID(), NOW, NOW, "screen.viewed", "app", UUID.randomUUID(), "key",
                "customer", "ios", "2.3.1", NOW, false, null, Map.of("screen", "home"));
    }
}
