package com.garage.mobile.domain.problem;

/** The stable problem types our clients switch on; the URI never changes once published. */
public enum ProblemType {
    VALIDATION(400, "validation", "The request is not valid"),
    MALFORMED_BODY(400, "malformed-body", "The request body could not be read"),
    INVALID_CURSOR(400, "invalid-cursor", "The cursor is malformed or expired"),
    /** A sync cursor we cannot continue from (malformed: 400, expired: 410): sync again without one. */
    RESYNC_REQUIRED(410, "resync-required", "Sync again from scratch"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "You may not do this"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    STALE_VERSION(409, "stale-version", "The resource changed since you read it"),
    INVALID_TRANSITION(409, "invalid-transition", "That change is not allowed in the current state"),
    /** A decision on an estimate revision the garage has since changed: the answer carries the current one. */
    ESTIMATE_REVISED(409, "estimate-revised", "The estimate changed since you saw it"),
    /** A time entry would share time with another of the same technician; {@code current} is that entry. */
    TIME_OVERLAP(409, "time-overlap", "The time overlaps another entry of the same technician"),
    /** Fewer on the shelf than asked for; {@code current} is the part as it is now. */
    OUT_OF_STOCK(409, "out-of-stock", "Not enough in stock"),
    /** A chat message's client-chosen id names a message already sent with other content. */
    MESSAGE_ID_REUSED(409, "message-id-reused", "That message id was used for another message"),
    /** A media sent with a chat message is still uploading or waiting for its checks; send again once stored. */
    MEDIA_NOT_READY(409, "media-not-ready", "The media has not finished uploading and its checks"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The idempotency key was used for another request"),
    VERSION_REQUIRED(428, "version-required", "Send the version your change is based on"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    INTERNAL(500, "internal", "Something went wrong on our side"),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable"),
    STEP_UP_REQUIRED(401, "step-up-required", "A recent strong sign-in is required"),
    ATTESTATION_MISSING(403, "device-attestation-missing", "This action needs a device attestation"),
    ATTESTATION_INVALID(403, "device-attestation-invalid", "The device attestation could not be verified"),
    ATTESTATION_NOT_FRESH(403, "device-attestation-not-fresh", "The device attestation was not made for this request"),
    DEVICE_NOT_TRUSTED(403, "device-integrity-failed", "The device failed its integrity check"),
    OS_UNSUPPORTED(403, "device-os-unsupported", "The device's operating system is not supported"),
    APP_NOT_ALLOWED(403, "app-not-allowed", "This app may not use this service"),
    APP_UPGRADE_REQUIRED(403, "app-upgrade-required", "Update the app to continue"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    /** tus: the chunk's {@code Upload-Offset} is not where the upload stands (ask with HEAD). */
    UPLOAD_OFFSET_MISMATCH(409, "upload-offset-mismatch", "The upload is at another offset"),
    /** tus: the chunk's bytes do not match its {@code Upload-Checksum}; nothing of it was kept. */
    CHECKSUM_MISMATCH(460, "checksum-mismatch", "The chunk does not match its checksum"),
    /** tus expiration: the upload waited too long for its next chunk and was removed. */
    UPLOAD_EXPIRED(410, "upload-expired", "The upload expired"),
    /** tus: the request speaks a protocol version this server does not. */
    TUS_VERSION_UNSUPPORTED(412, "tus-version-unsupported", "Unsupported tus version"),
    /** Nothing is due on the invoice for what was asked (no approved work, deposit paid, not yet ready). */
    NOTHING_DUE(409, "nothing-due", "Nothing is due for this payment"),
    PAYMENT_DECLINED(402, "payment-declined", "The payment was declined"),
    /** The payment provider could not be reached; nothing was charged. */
    PAYMENT_PROVIDER_UNAVAILABLE(503, "payment-provider-unavailable", "The payment provider is unavailable"),
    /** A provider's webhook whose signature is missing, wrong or too old. */
    WEBHOOK_SIGNATURE_INVALID(400, "webhook-signature-invalid", "The webhook signature could not be verified"),
    /** A pay-by-link token that is unknown, used or expired. */
    PAYMENT_LINK_INVALID(410, "payment-link-invalid", "This payment link is no longer valid"),
    /** A release of that app, platform and version is registered already. */
    RELEASE_EXISTS(409, "release-exists", "That release is registered already"),
    /** A kill switch turned the feature off for this build, ring or garage (docs/releases.md). */
    FEATURE_TURNED_OFF(503, "feature-turned-off", "This feature is turned off for your app for now"),
    /** The customer has not agreed to share the data a partner needs (docs/partners.md); nothing was sent. */
    PARTNER_CONSENT_REQUIRED(409, "partner-consent-required", "Consent to share data with this partner first"),
    /** A survey answer the limits do not allow now (one NPS in 90 days, one survey a week); nothing was stored. */
    SURVEY_NOT_DUE(409, "survey-not-due", "No survey is due now"),
    /** Feedback sent again under its id with other content, or someone else's id (docs/analytics.md); nothing changed. */
    FEEDBACK_ID_REUSED(409, "feedback-id-reused", "That feedback id was used for other feedback");

    private static final String BASE = "urn:garage:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The type for a bare HTTP status raised by the framework (unknown route, wrong method...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_BODY && type != INVALID_CURSOR
                    && type != RESYNC_REQUIRED
                    && type != INVALID_TRANSITION && type != TIME_OVERLAP && type != OUT_OF_STOCK
                    && type != UPLOAD_OFFSET_MISMATCH && type != UPLOAD_EXPIRED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
