package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.parts.PartRequestStatus;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The advisor moves a request on: ordered, received or cancelled, from the version they saw. */
public record PartRequestStatusChange(@NotNull UUID requestId, @NotNull PartRequestStatus status,
        @NotNull Long baseVersion) {
}
