package com.garage.mobile.platform.security.posture;

/**
 * What a verified attestation states about the device and the app making the request.
 *
 * @param nonce the nonce this BFF issued for the request
 */
public record DeviceAttestation(String nonce, DeviceIntegrity integrity, String osName, String osVersion,
        String appId, String appVersion) {
}
