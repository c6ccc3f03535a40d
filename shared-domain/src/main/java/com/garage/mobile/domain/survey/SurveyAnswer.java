package com.garage.mobile.domain.survey;

import java.time.Instant;
import java.util.UUID;

/** One stored answer: its kind, score, comment and the job it concerns, if any. */
public record SurveyAnswer(UUID id, SurveyKind kind, int score, String comment, UUID jobId, String personRole,
        Instant answeredAt) {
}
