package com.garage.mobile.domain.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One thing to inspect. Its key matches it across inspections (carry forward); the customer sees it
 * once published unless it is internal.
 */
public record TemplateItem(
        @NotNull @Pattern(regexp = InspectionTemplateService.KEY) String key,
        @NotNull @Size(min = 1, max = 200) String label,
        boolean customerVisible,
        @NotNull @Size(max = 10) List<@Valid @NotNull MeasurementSpec> measurements) {
}
