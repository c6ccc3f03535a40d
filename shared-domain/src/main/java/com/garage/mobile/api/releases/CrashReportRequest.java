package com.garage.mobile.api.releases;

import com.garage.mobile.domain.releases.CrashReport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A crash or error report. Breadcrumbs name screens and actions with identifiers only (letters,
 * digits, {@code _ . / : -}), so that nothing a person typed can travel in them.
 */
public record CrashReportRequest(UUID sessionId,
        @NotNull @Pattern(regexp = "[0-9A-Za-z._-]{1,40}", message = "must be the build number, such as 2041") String build,
        @NotBlank @Size(max = 100) String deviceModel,
        @NotNull @Pattern(regexp = "\\d{1,9}(\\.\\d{1,9}){0,5}", message = "must be a dotted version such as 17.4") String osVersion,
        @NotBlank @Size(max = 200) String exceptionType,
        @NotBlank @Size(max = 65_536) String stack,
        @Size(max = 100) List<@Valid @NotNull BreadcrumbRequest> breadcrumbs,
        Instant occurredAt) {

    /** A step before the crash. */
    public record BreadcrumbRequest(@NotNull Instant at,
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,29}", message = "must be a kind such as navigation") String category,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_./:-]{1,80}", message = "must name a screen or control, such as"
                    + " jobs/detail") String label) {
    }

    CrashReport toReport() {
        return new CrashReport(sessionId, build, deviceModel, osVersion, exceptionType, stack,
                breadcrumbs == null ? List.of() : breadcrumbs.stream()
                        .map(crumb -> new CrashReport.Breadcrumb(crumb.at(), crumb.category(), crumb.label())).toList(),
                occurredAt);
    }
}
