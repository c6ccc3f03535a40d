package com.garage.mobile.domain.analytics;

import java.time.LocalDate;

/**
 * One step of a funnel for the journeys that started in a week on an app version: how many reached
 * it (every earlier step first, in order), their share of those that started, and the median time
 * from the step before.
 *
 * @param appVersion the version of the app the journey's first app event came from; "unknown" if none did
 * @param medianSecondsFromPrevious null for the first step
 */
public record FunnelStep(LocalDate week, String appVersion, int position, String name, long journeys,
        double conversion, Double medianSecondsFromPrevious) {
}
