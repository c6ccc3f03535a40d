package com.garage.mobile.domain.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the technician is offered on a job, best first, and the model version behind it (null before any). */
public record JobSuggestionList(UUID jobId, List<String> codes, Integer modelVersion, Instant modelTrainedAt,
        List<Suggestion> suggestions) {
}
