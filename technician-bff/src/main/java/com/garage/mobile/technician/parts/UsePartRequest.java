package com.garage.mobile.technician.parts;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/** Parts taken from the shelf onto the job: the new line's id (chosen by the app), the part and how many. */
public record UsePartRequest(@NotNull UUID lineId, @NotNull UUID partId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) BigDecimal quantity) {
}
