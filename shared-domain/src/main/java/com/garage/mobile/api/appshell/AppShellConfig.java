package com.garage.mobile.api.appshell;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the web app a BFF serves at {@code /app/} signs people in (docs/apps.md). */
@ConfigMapping(prefix = "garage.app-shell")
public interface AppShellConfig {

    /** The public OIDC client the app signs in as (authorization code with PKCE), e.g. {@code technician-app}. */
    String clientId();

    /** The scopes the app asks for. */
    @WithDefault("openid")
    String scope();

    /**
     * Where the identity provider is, as the browser reaches it: the CSP's {@code connect-src} lets the app call its
     * token endpoint there, and nothing else off the BFF's origin.
     */
    @WithDefault("http://127.0.0.1:8180")
    String identityOrigin();

    /**
     * A plain-http media store the CSP's {@code img-src} admits besides {@code https:} (the local stack's and the
     * tests' s3proxy on loopback), so the app shows photos from its signed URLs; none elsewhere.
     */
    Optional<String> mediaOrigin();

    /**
     * The web app's version, sent by the app as {@code X-App-Version} so its analytics events, feedback and remote
     * configuration name the build; the BFF's own version unless set.
     */
    @WithDefault("${quarkus.application.version:0.0.0}")
    String appVersion();
}
