package com.garage.mobile.platform.security.ratelimit;

/** How much an endpoint may be called: each class has its own budget per user and per device. */
public enum RateClass {
    /** Every API call not marked otherwise. */
    STANDARD,
    /** Uploads of photos and files: costly to store and scan. */
    UPLOAD,
    /** Sending chat messages: a budget of its own, so a flood of messages cannot eat the app's other calls. */
    CHAT_SEND,
    /** Calls next to signing in: attestation nonces, device registration. */
    SIGN_IN,
    /** Opening a pay-by-link link: no sign-in, so counted per client IP and per link. */
    PAY_LINK
}
