package com.garage.mobile.domain.media;

/** How far a media's bytes have come: still arriving, stored and checked, or refused. */
public enum MediaStatus {
    UPLOADING,
    STORED,
    REJECTED
}
