package com.garage.mobile.customer.recommendations;

import com.garage.mobile.domain.recommendation.RecommendationActions.Act;
import jakarta.validation.constraints.NotNull;

/** What the customer did: {@code DISMISS}, {@code SNOOZE} (with {@code days}), {@code ACCEPT} or {@code BOOK}. */
public record OutcomeRequest(@NotNull Act action, Integer days) {
}
