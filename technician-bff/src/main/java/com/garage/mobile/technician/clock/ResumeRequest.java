package com.garage.mobile.technician.clock;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Resume after a pause: the new work entry's id. */
public record ResumeRequest(@NotNull UUID entryId) {
}
