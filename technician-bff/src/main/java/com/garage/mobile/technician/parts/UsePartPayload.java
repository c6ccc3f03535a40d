package com.garage.mobile.technician.parts;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/** {@code job-part use}: parts taken offline; the entity id is the new line's. */
public record UsePartPayload(@NotNull UUID jobId, @NotNull UUID partId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) BigDecimal quantity) {
}
