package com.garage.mobile.domain.analytics;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where accepted events go. The default, {@link PostgresAnalyticsSink}, claims each id and writes
 * the batch in one statement; a deployment that outgrows PostgreSQL supplies another bean (an
 * {@code @Alternative} with priority) that sends the same events to a stream, as docs/analytics.md says.
 */
public interface AnalyticsSink {

    /**
     * Stores the events whose ids were never seen (within the dedupe period) and answers their ids;
     * an id in the answer is stored exactly once, however many resends race for it.
     */
    Uni<Set<UUID>> store(List<AnalyticsEvent> events);
}
