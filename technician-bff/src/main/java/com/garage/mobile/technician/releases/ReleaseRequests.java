package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.releases.ReleaseDraft;
import com.garage.mobile.domain.releases.Ring;
import com.garage.mobile.domain.releases.StoreStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the release admin's calls. */
public final class ReleaseRequests {

    static final String VERSION = "\\d{1,9}(\\.\\d{1,9}){0,5}([-+][0-9A-Za-z.-]{1,40})?";

    private ReleaseRequests() {
    }

    /** A release to register; the crash budget defaults to the configured one. */
    public record Register(@NotNull AppAudience app, @NotNull AppPlatform platform,
            @NotNull @Pattern(regexp = VERSION, message = "must be a dotted version such as 2.14.1") String version,
            @NotNull @Pattern(regexp = "[0-9A-Za-z._-]{1,40}", message = "must be the build number") String build,
            @NotNull StoreStatus storeStatus, @Size(max = 4000) String notes,
            @Pattern(regexp = "\\d{1,9}(\\.\\d{1,9}){0,5}", message = "must be a dotted version") String minimumOs,
            @Min(0) @Max(10_000) Integer crashFreeBp, @Min(1) @Max(10_000_000) Integer minSessions) {

        ReleaseDraft draft() {
            return new ReleaseDraft(app, platform, version, build, storeStatus, notes, minimumOs, crashFreeBp,
                    minSessions);
        }
    }

    /** The store moved the release. */
    public record StoreStatusChange(@NotNull StoreStatus storeStatus, @NotNull @Min(0) Long baseVersion) {
    }

    /** Start a rollout (no percentage: on the schedule) or raise a manual one. */
    public record Roll(@NotNull Ring ring, @Min(0) @Max(10_000) Integer percentBp) {
    }

    /** Halt a rollout, saying why. */
    public record Halt(@NotNull Ring ring, @NotBlank @Size(max = 500) String reason) {
    }

    /** Resume a halted rollout. */
    public record Resume(@NotNull Ring ring) {
    }
}
