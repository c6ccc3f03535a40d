package com.garage.mobile.platform.security.ratelimit;

/** How much an endpoint may be called: each class has its own budget per user and per device. */
public enum RateClass {
    /** Every API call not marked otherwise. */
    STANDARD,
    /** Uploads of photos and files: costly to store and scan. */
    UPLOAD,
    /** Calls next to signing in: attestation nonces, device registration. */
    SIGN_IN
}
