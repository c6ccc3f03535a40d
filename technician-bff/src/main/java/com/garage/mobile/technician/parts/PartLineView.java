package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.job.EstimateLine;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The estimate line parts went onto, or {@code line: null} when a return took the last of them.
 * Its cost stays in the job card of advisors.
 */
public record PartLineView(Line line) {

    public record Line(UUID id, UUID partId, String partNumber, String description, BigDecimal quantity,
            long unitPriceMinor, long version) {
    }

    static PartLineView of(EstimateLine line) {
        return new PartLineView(line == null ? null : new Line(line.id, line.partId, line.partNumber, line.description,
                line.quantity, line.unitPriceMinor, line.version));
    }
}
