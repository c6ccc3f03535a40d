package com.garage.mobile.platform.push;

import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the HTTP clients the providers are called with. */
@ApplicationScoped
public class ProviderHttp {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int IDLE_TIMEOUT_SECONDS = 120;

    private final Vertx vertx;

    public ProviderHttp(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A keep-alive client; {@code http2} negotiates HTTP/2 over TLS (APNs accepts nothing else). */
    public WebClient client(boolean http2, Optional<Path> trustCertificate) {
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setKeepAlive(true)
                .setFollowRedirects(false)
                .setUserAgent("garage-mobile-push");
        if (http2) {
            options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true).setHttp2ClearTextUpgrade(false);
        }
        trustCertificate.ifPresent(path -> options.setTrustOptions(new PemTrustOptions().addCertPath(path.toString())));
        return WebClient.create(vertx, options);
    }
}
