package com.garage.mobile.domain.releases;

import java.util.UUID;

/** A stored crash report: its event, the issue it was grouped into and what the app sent. */
public record CrashReceipt(UUID eventId, UUID issueId, String fingerprint, boolean newIssue, String deviceModel,
        String exceptionType, String stack) {
}
