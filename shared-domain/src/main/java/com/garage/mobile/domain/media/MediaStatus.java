package com.garage.mobile.domain.media;

/**
 * How far a media's bytes have come: still arriving (or waiting for their check), stored and
 * checked, refused, or in the store but never checked because the store failed every attempt.
 */
public enum MediaStatus {
    UPLOADING,
    STORED,
    REJECTED,
    CHECK_FAILED
}
