package com.garage.mobile.platform.security.stepup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** What counts as a recent strong authentication for {@link StepUp} actions. */
@ConfigMapping(prefix = "garage.step-up")
public interface StepUpConfig {

    /** {@code acr} values the identity provider gives a strong sign-in (e.g. Keycloak's ACR-to-LoA mapping). */
    @WithDefault("urn:garage:acr:strong")
    Set<String> acrValues();

    /**
     * {@code amr} methods of which any one makes a sign-in strong: a hardware-bound key, a
     * biometric unlock, several factors.
     */
    @WithDefault("hwk,bio,fpt,face,mfa")
    Set<String> amrValues();

    /** How long ago the strong sign-in ({@code auth_time}) may have been. */
    @WithDefault("5m")
    Duration maxAge();

    /** How far the identity provider's clock may run ahead of ours. */
    @WithDefault("30s")
    Duration clockSkew();
}
