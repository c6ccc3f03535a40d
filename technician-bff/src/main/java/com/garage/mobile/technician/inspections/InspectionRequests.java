package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.inspection.InspectionTemplateService;
import com.garage.mobile.domain.inspection.ItemCondition;
import com.garage.mobile.domain.inspection.ItemFinding;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** The bodies of the inspection endpoints. */
final class InspectionRequests {

    private InspectionRequests() {
    }

    /** Start the job's inspection from one of the garage's templates. */
    record Start(@NotNull UUID templateId) {
    }

    /**
     * Complete or publish the inspection.
     *
     * @param baseVersion the inspection's version the move is based on, unless sent as {@code If-Match}
     */
    record Move(@PositiveOrZero Long baseVersion) {
    }

    /**
     * What was found on an item; replaces what was recorded before.
     *
     * @param condition    null while not yet inspected; the answer's {@code suggestedCondition} says what the
     *                     measurements suggest
     * @param measurements values by the item's measurement keys, in the template's units
     * @param baseVersion  the item's version, unless sent as {@code If-Match}
     */
    record ItemUpdate(ItemCondition condition,
            @Size(min = 1, max = 2000) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String note,
            @Size(max = 10) Map<@Pattern(regexp = InspectionTemplateService.KEY) String,
                    @NotNull @DecimalMin("-100000") @DecimalMax("100000") BigDecimal> measurements,
            @PositiveOrZero Long baseVersion) {

        ItemFinding finding() {
            return new ItemFinding(condition, note, measurements);
        }
    }
}
