package com.garage.mobile.domain.inspection;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A measurement a template item asks for, in a fixed unit, with optional thresholds: a value past
 * {@code yellowAt} suggests yellow, past {@code redAt} red, "past" meaning on the {@code badWhen} side.
 */
public record MeasurementSpec(
        @NotNull @Pattern(regexp = InspectionTemplateService.KEY) String key,
        @NotNull @Size(min = 1, max = 200) String label,
        @NotNull @Size(min = 1, max = 20) String unit,
        @NotNull BadWhen badWhen,
        @DecimalMin("-100000") @DecimalMax("100000") BigDecimal yellowAt,
        @DecimalMin("-100000") @DecimalMax("100000") BigDecimal redAt) {
}
