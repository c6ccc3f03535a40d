package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.parts.Part;
import java.math.BigDecimal;
import java.util.UUID;

/** A catalogue part as staff see it; the cost is for advisors and admins only. Money in minor units. */
public record PartView(UUID id, String partNumber, String description, String ean, long priceMinor, Long costMinor,
        int taxRateBp, BigDecimal stockOnHand, String bin, long version) {

    static PartView of(Part part, Actor viewer) {
        return new PartView(part.id, part.partNumber, part.description, part.ean, part.priceMinor,
                viewer.isTechnician() ? null : part.costMinor, part.taxRateBp, part.stockOnHand, part.bin, part.version);
    }
}
