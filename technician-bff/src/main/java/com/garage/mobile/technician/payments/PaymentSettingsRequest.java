package com.garage.mobile.technician.payments;

import com.garage.mobile.domain.payment.DepositRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The garage's deposit rule.
 *
 * @param depositPercentBp  for {@code PERCENTAGE}: the share of the approved work, in basis points (2500 = 25 %)
 * @param depositFixedMinor for {@code FIXED}: the amount in the garage's currency's minor units
 * @param baseVersion       the settings' version the change is based on, unless sent as {@code If-Match}
 */
public record PaymentSettingsRequest(@NotNull DepositRule depositRule,
        @Min(0) @Max(10_000) Integer depositPercentBp,
        @PositiveOrZero @Max(100_000_000) Long depositFixedMinor,
        @PositiveOrZero Long baseVersion) {
}
