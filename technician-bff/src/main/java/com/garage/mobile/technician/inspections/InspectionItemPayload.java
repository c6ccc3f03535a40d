package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.inspection.InspectionTemplateService;
import com.garage.mobile.domain.inspection.ItemCondition;
import com.garage.mobile.domain.inspection.ItemFinding;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/** {@code inspection-item update}: the item's condition (null: not inspected), note and measurements by key. */
public record InspectionItemPayload(ItemCondition condition,
        @Size(min = 1, max = 2000) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String note,
        @Size(max = 10) Map<@Pattern(regexp = InspectionTemplateService.KEY) String,
                @NotNull @DecimalMin("-100000") @DecimalMax("100000") BigDecimal> measurements) {

    ItemFinding finding() {
        return new ItemFinding(condition, note, measurements);
    }
}
