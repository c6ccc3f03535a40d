package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.parts.PartRequestService.Wanted;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** {@code part-request create}: a missing part asked for offline; the entity id is the request's. */
public record PartRequestPayload(@NotNull UUID jobId, UUID partId,
        @Size(min = 1, max = 500) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String description,
        @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) BigDecimal quantity,
        @Size(min = 1, max = 2000) String note) {

    Wanted wanted() {
        return new Wanted(partId, description, quantity, note);
    }
}
