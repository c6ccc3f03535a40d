package com.garage.mobile.customer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.analytics.AnalyticsEvent;
import com.garage.mobile.domain.analytics.AnalyticsSink;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink writes the batches that wait for a statement together; each event is still stored, and reported, once. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AnalyticsSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    AnalyticsSink sink;

    GarageFixture garage;
    Rows rows;

    @BeforeEach
    void garage() {
        garage = GarageFixture.create(dataSource);
        rows = new Rows(dataSource);
    }

    @Test
    void batchesSentAtOnceStoreEachEventOnceAndTellOneSenderOnly() {
        List<AnalyticsEvent> resent = events(10);
        List<List<AnalyticsEvent>> batches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            List<AnalyticsEvent> batch = new ArrayList<>(resent);
            batch.addAll(events(5));
            batches.add(batch);
        }
        // All eight at once: two statements run at a time, and the batches that wait for them go together.
        List<Uni<Set<UUID>>> answers = batches.stream().map(sink::store).toList();
        List<Set<UUID>> stored = Uni.join().all(answers).andFailFast().await().atMost(WAIT);

        Set<UUID> reported = new HashSet<>();
        for (int i = 0; i < batches.size(); i++) {
            Set<UUID> sent = ids(batches.get(i));
            assertTrue(sent.containsAll(stored.get(i)), "a sender is told only of its own events");
            assertTrue(stored.get(i).containsAll(ids(batches.get(i).subList(10, 15))), "its own events are stored");
            stored.get(i).forEach(id -> assertTrue(reported.add(id), "an event is reported to one sender only"));
        }
        assertEquals(50, reported.size());
        assertEquals(50, rows.count("select count(*) from analytics_event where garage_id = ?", garage.garageId));
        assertEquals(50, rows.count("select count(distinct id) from analytics_event where garage_id = ?",
                garage.garageId));
    }

    @Test
    void aStatementThatFailsFailsItsSendersAndTheNextIsWritten() {
        AnalyticsEvent named = event("screen.viewed", Map.of());
        List<AnalyticsEvent> refused = List.of(named, event(null, Map.of()));
        assertThrows(RuntimeException.class, () -> sink.store(refused).await().atMost(WAIT));
        assertEquals(0, rows.count("select count(*) from analytics_event where garage_id = ?", garage.garageId));
        assertEquals(0, rows.count("select count(*) from analytics_event_id where id = ?", named.id()),
                "the claim of an id goes with its statement");

        assertNextIsWritten();
    }

    @Test
    void aBatchWhosePropertiesCannotBeWrittenFailsAlone() {
        List<AnalyticsEvent> unwritable = List.of(event("screen.viewed", Map.of("screen", new Object())));
        assertThrows(RuntimeException.class, () -> sink.store(unwritable).await().atMost(WAIT));
        assertEquals(0, rows.count("select count(*) from analytics_event where garage_id = ?", garage.garageId));

        assertNextIsWritten();
    }

    private void assertNextIsWritten() {
        List<AnalyticsEvent> next = events(3);
        assertEquals(ids(next), sink.store(next).await().atMost(WAIT));
        assertEquals(3, rows.count("select count(*) from analytics_event where garage_id = ?", garage.garageId));
    }

    private List<AnalyticsEvent> events(int count) {
        List<AnalyticsEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event("screen.viewed", Map.of("screen", "s" + i)));
        }
        return events;
    }

    private AnalyticsEvent event(String name, Map<String, Object> properties) {
        Instant now = Instant.now();
        return new AnalyticsEvent(UUID.randomUUID(), now, now, name, "app", garage.garageId, "key",
                "customer", "ios", "2.3.1", now, false, null, properties);
    }

    private static Set<UUID> ids(List<AnalyticsEvent> events) {
        Set<UUID> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.id()));
        return ids;
    }
}
