package com.garage.mobile.platform.security.posture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Device posture: how attestations are verified and which devices and app versions each app may
 * use. An attestation is a JWT from the platform's integrity service, relayed by the app in the
 * {@code X-Device-Attestation} header with a nonce this BFF issued.
 */
@ConfigMapping(prefix = "garage.posture")
public interface PostureConfig {

    /** Whether failing devices are refused, only flagged, or not checked. */
    @WithDefault("ENFORCE")
    PostureMode mode();

    /** The {@code iss} of attestations: the integrity service's relay. */
    String issuer();

    /** The {@code aud} attestations must name: this BFF. */
    @WithDefault("${quarkus.application.name}")
    String audience();

    /** The keys attestations are signed with. */
    Keys keys();

    /** How long an issued nonce may be used. */
    @WithDefault("2m")
    Duration nonceTtl();

    /** How old an attestation ({@code iat}) may be. */
    @WithDefault("5m")
    Duration maxAge();

    /** How far the integrity service's clock may differ from ours. */
    @WithDefault("30s")
    Duration clockSkew();

    /** The policy of each app that may call this BFF, by app id (e.g. {@code com.garage.technician}). */
    Map<String, AppPolicy> apps();

    /** Where the verification keys come from: inline, or a location that is read and refreshed. */
    interface Keys {

        /** A JSON Web Key Set, inline. */
        Optional<String> jwks();

        /** A JSON Web Key Set at an {@code https:}/{@code http:} URL or a {@code file:} path. */
        Optional<URI> location();

        /** How often keys from a location are read again. */
        @WithDefault("10m")
        Duration refreshInterval();

        /** The shortest pause between two reads prompted by an unknown key id. */
        @WithDefault("30s")
        Duration minRefreshPause();
    }

    /** What one app must run on to be let in. */
    interface AppPolicy {

        /** The integrity verdicts accepted from this app's devices. */
        @WithDefault("STRONG,DEVICE")
        Set<DeviceIntegrity> acceptedIntegrity();

        /** The oldest app version still served; older ones are asked to upgrade. */
        Optional<String> minimumAppVersion();

        /** The oldest OS version accepted, by OS name ({@code android}, {@code ios}); other OSes are refused. */
        Map<String, String> minimumOsVersion();
    }
}
