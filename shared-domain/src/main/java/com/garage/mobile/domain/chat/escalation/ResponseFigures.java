package com.garage.mobile.domain.chat.escalation;

/**
 * Response figures of a garage over a date range, for one priority or (priority null) all.
 * Times are business seconds; a median or percentile is null when there was no such response.
 *
 * @param breaches responses given after their target, and waits past their target still unanswered
 */
public record ResponseFigures(ChatPriority priority, long conversationsAnswered, long firstResponses,
        Long firstResponseMedianSeconds, Long firstResponseP90Seconds, long nextResponses,
        Long nextResponseMedianSeconds, long breaches) {
}
