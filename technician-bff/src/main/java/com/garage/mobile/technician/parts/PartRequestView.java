package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.parts.PartRequest;
import com.garage.mobile.domain.parts.PartRequestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A request for a part the shelf lacks, as the bay and the advisors see it. */
public record PartRequestView(UUID id, UUID jobId, UUID partId, String description, BigDecimal quantity, String note,
        PartRequestStatus status, UUID requestedBy, Instant createdAt, Instant updatedAt, long version) {

    static PartRequestView of(PartRequest request) {
        return new PartRequestView(request.id, request.jobId, request.partId, request.description, request.quantity,
                request.note, request.status, request.requestedBy, request.createdAt, request.updatedAt,
                request.version);
    }
}
