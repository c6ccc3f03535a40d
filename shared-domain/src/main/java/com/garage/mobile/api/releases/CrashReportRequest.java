package com.garage.mobile.api.releases;

import com.garage.mobile.domain.notification.FieldErrors;
import com.garage.mobile.domain.releases.CrashReport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A crash or error report. Breadcrumbs name screens and actions with identifiers only (letters,
 * digits, {@code _ . / : -}), so that nothing a person typed can travel in them. Instants are
 * ISO-8601 UTC text: a bare number would be read as epoch seconds, so it is refused.
 */
public record CrashReportRequest(UUID sessionId,
        @NotNull @Pattern(regexp = "[0-9A-Za-z._-]{1,40}", message = "must be the build number, such as 2041") String build,
        @NotBlank @Size(max = 100) String deviceModel,
        @NotNull @Pattern(regexp = "\\d{1,9}(\\.\\d{1,9}){0,5}", message = "must be a dotted version such as 17.4") String osVersion,
        @NotBlank @Size(max = 200) String exceptionType,
        @NotBlank @Size(max = 65_536) String stack,
        @Size(max = 100) List<@Valid @NotNull BreadcrumbRequest> breadcrumbs,
        @Schema(format = "date-time") @Pattern(regexp = INSTANT, message = "must be an ISO-8601 UTC instant")
        String occurredAt) {

    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    /** A step before the crash. */
    public record BreadcrumbRequest(
            @NotNull @Schema(format = "date-time") @Pattern(regexp = INSTANT, message = "must be an ISO-8601 UTC instant")
            String at,
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,29}", message = "must be a kind such as navigation") String category,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_./:-]{1,80}", message = "must name a screen or control, such as"
                    + " jobs/detail") String label) {
    }

    /** The report, or a 400 naming each instant that is well-formed but no real time (a 30 February). */
    CrashReport toReport() {
        FieldErrors errors = new FieldErrors();
        Instant occurred = instant(occurredAt, "occurredAt", errors);
        List<CrashReport.Breadcrumb> crumbs = new ArrayList<>();
        List<BreadcrumbRequest> sent = breadcrumbs == null ? List.of() : breadcrumbs;
        for (int i = 0; i < sent.size(); i++) {
            BreadcrumbRequest crumb = sent.get(i);
            crumbs.add(new CrashReport.Breadcrumb(instant(crumb.at(), "breadcrumbs[%d].at".formatted(i), errors),
                    crumb.category(), crumb.label()));
        }
        errors.throwIfAny();
        return new CrashReport(sessionId, build, deviceModel, osVersion, exceptionType, stack, crumbs, occurred);
    }

    private static Instant instant(String text, String field, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            errors.add(field, "must be a real time");
            return null;
        }
    }
}
