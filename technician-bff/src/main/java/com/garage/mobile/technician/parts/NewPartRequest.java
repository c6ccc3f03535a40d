package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.parts.PartRequestService.Wanted;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Ask for a part the shelf lacks: a catalogue part or a description (or both), how many, a note for
 * the advisor, and whether the job now waits for it ({@code awaitParts}: moves it to AWAITING_PARTS
 * when its lifecycle allows).
 */
public record NewPartRequest(@NotNull UUID requestId, UUID partId,
        @Size(min = 1, max = 500) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String description,
        @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) BigDecimal quantity,
        @Size(min = 1, max = 2000) String note, Boolean awaitParts) {

    boolean waitsForParts() {
        return Boolean.TRUE.equals(awaitParts);
    }

    Wanted wanted() {
        return new Wanted(partId, description, quantity, note);
    }
}
