package com.garage.mobile.domain.releases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A crash or error an app reports: the device, the exception and its stack (unsymbolicated), and
 * breadcrumbs that name screens and actions only, never what a person typed.
 *
 * @param sessionId the app session it ended, if the app reported one
 */
public record CrashReport(UUID sessionId, String build, String deviceModel, String osVersion, String exceptionType,
        String stack, List<Breadcrumb> breadcrumbs, Instant occurredAt) {

    /** A step before the crash: when, of which kind ({@code navigation}, {@code action}…), on which screen or control. */
    public record Breadcrumb(Instant at, String category, String label) {
    }
}
