package com.garage.mobile.domain.recommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A recommendation as the rules make it, before it is stored: {@code subject} stays the same across
 * refreshes of one occasion (a service cycle, a declined line, a recall), so refreshing updates it.
 */
public record Candidate(RecommendationKind kind, String subject, String title, List<String> reasons,
        Map<String, Object> evidence, LocalDate dueOn) {
}
