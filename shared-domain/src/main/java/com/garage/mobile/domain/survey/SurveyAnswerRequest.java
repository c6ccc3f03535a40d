package com.garage.mobile.domain.survey;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A person's answer: the survey, the score, an optional comment and the closed job it concerns. */
public record SurveyAnswerRequest(@NotNull SurveyKind kind, @NotNull Integer score,
        @Size(max = 2000) String comment, UUID jobId) {
}
