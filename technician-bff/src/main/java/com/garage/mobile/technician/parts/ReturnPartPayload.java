package com.garage.mobile.technician.parts;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/** {@code job-part return}: unused parts given back offline; the entity id is the line's. */
public record ReturnPartPayload(@NotNull UUID jobId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) BigDecimal quantity) {
}
