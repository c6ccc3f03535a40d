package com.garage.mobile.domain.analytics;

import java.util.List;

/** What became of a batch: counts, and every event's outcome in batch order. */
public record IngestReport(int accepted, int duplicates, int rejected, List<EventOutcome> events) {

    static IngestReport of(List<EventOutcome> outcomes) {
        int accepted = 0;
        int duplicates = 0;
        for (EventOutcome outcome : outcomes) {
            if (outcome.status() == EventOutcome.Status.ACCEPTED) {
                accepted++;
            } else if (outcome.status() == EventOutcome.Status.DUPLICATE) {
                duplicates++;
            }
        }
        return new IngestReport(accepted, duplicates, outcomes.size() - accepted - duplicates, outcomes);
    }
}
