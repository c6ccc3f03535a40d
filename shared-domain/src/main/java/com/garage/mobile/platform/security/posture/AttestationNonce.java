package com.garage.mobile.platform.security.posture;

import java.time.Instant;

/** A nonce for the app to have its next attestation made with; single use, until {@code expiresAt}. */
public record AttestationNonce(String nonce, Instant expiresAt) {
}
