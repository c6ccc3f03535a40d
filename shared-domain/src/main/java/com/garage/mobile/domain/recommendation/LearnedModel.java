package com.garage.mobile.domain.recommendation;

import java.time.Instant;

/** A stored model version of a garage: when it was trained, on how many jobs, and its rules. */
public record LearnedModel(int version, Instant trainedAt, int jobsUsed, AssociationModel model) {
}
