package com.garage.mobile.domain.partner.recall;

import java.time.Instant;
import java.util.List;

/**
 * What the recall source knows of a make, model and year.
 *
 * @param asOf    when the recalls were fetched from the source (null when it never answered)
 * @param delayed the source could not be asked just now: the recalls are the last known (maybe none)
 */
public record RecallAnswer(List<Recall> recalls, Instant asOf, boolean delayed) {
}
