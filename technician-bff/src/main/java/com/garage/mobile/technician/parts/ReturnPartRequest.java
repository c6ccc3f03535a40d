package com.garage.mobile.technician.parts;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/** Unused parts given back: the line they were taken on, how many, and the line's version. */
public record ReturnPartRequest(@NotNull UUID lineId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) BigDecimal quantity,
        @NotNull Long baseVersion) {
}
