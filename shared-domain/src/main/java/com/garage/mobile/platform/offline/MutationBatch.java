package com.garage.mobile.platform.offline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An app's queued offline writes, oldest first, from one device.
 *
 * @param deviceId the device that queued them, as it names itself in {@code X-Device-Id}
 */
public record MutationBatch(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String deviceId,
        @NotNull @Size(min = 1, max = OfflineWrites.MAX_BATCH) List<@NotNull @Valid QueuedMutation> mutations) {
}
