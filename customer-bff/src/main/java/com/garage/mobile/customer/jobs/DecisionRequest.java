package com.garage.mobile.customer.jobs;

import com.garage.mobile.domain.job.LineDecision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Approve or decline one line of the estimate.
 *
 * @param note        what the customer wants the garage to know, such as why they declined
 * @param baseVersion the line's version the decision is based on, unless sent as {@code If-Match}
 */
public record DecisionRequest(@NotNull LineDecision decision, @Size(min = 1, max = 500) String note,
        @PositiveOrZero Long baseVersion) {
}
