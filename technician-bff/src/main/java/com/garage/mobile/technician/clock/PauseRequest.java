package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.clock.PauseReason;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Pause the running work: the pause entry's id and why. */
public record PauseRequest(@NotNull UUID entryId, @NotNull PauseReason reason) {
}
