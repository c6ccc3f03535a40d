package com.garage.mobile.technician.jobs;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * A line's price: hours for labour or units for parts (above 0), at a unit price in minor units.
 *
 * @param baseVersion the line's version, unless sent as {@code If-Match}
 */
public record PriceRequest(@NotNull @DecimalMax("9999") @Digits(integer = 4, fraction = 2)
        BigDecimal quantity, @NotNull @PositiveOrZero @Max(100_000_000) Long unitPriceMinor,
        @PositiveOrZero Long baseVersion) {
}
