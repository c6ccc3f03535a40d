package com.garage.mobile.api.appshell;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.platform.push.PushConfig;
import io.quarkus.oidc.OidcConfigurationMetadata;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The web app's start-up settings at {@code /app/settings.json}: read before sign-in, so without a token. It holds
 * nothing secret (a public client, the provider's published endpoints, the public half of the Web Push key), and it
 * is part of the web app, not of the API the native apps use, so it stays out of the OpenAPI document.
 */
@Path("/app/settings.json")
@Produces(MediaType.APPLICATION_JSON)
public class AppShellSettingsResource {

    private final AppShellConfig config;
    private final AccessConfig access;
    private final Instance<OidcConfigurationMetadata> provider;
    private final PushConfig push;

    public AppShellSettingsResource(AppShellConfig config, AccessConfig access,
            Instance<OidcConfigurationMetadata> provider, PushConfig push) {
        this.config = config;
        this.access = access;
        this.provider = provider;
        this.push = push;
    }

    @GET
    @PermitAll
    @Operation(hidden = true)
    public AppShellSettings settings() {
        OidcConfigurationMetadata metadata = provider.get();
        String app = access.audience() == AppAudience.CUSTOMER ? "customer" : "technician";
        return new AppShellSettings(app, config.clientId(), config.scope(), metadata.getAuthorizationUri(),
                metadata.getTokenUri(), metadata.getEndSessionUri(), version(),
                push.web().enabled() ? push.web().vapidPublicKey().orElseThrow() : null);
    }

    /** The configured version if the API would accept it in {@code X-App-Version}, else one it accepts. */
    private String version() {
        return SoftwareVersion.parse(config.appVersion()) == null ? "0.0.0" : config.appVersion().trim();
    }
}
