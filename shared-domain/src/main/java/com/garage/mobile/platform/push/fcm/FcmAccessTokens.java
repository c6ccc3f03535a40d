package com.garage.mobile.platform.push.fcm;

import com.garage.mobile.domain.notification.device.KeyMaterial;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.push.ProviderHttp;
import com.garage.mobile.platform.push.ProviderUnavailableException;
import com.garage.mobile.platform.push.PushConfig;
import com.garage.mobile.platform.push.Responses;
import com.garage.mobile.platform.push.SignedJwt;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * OAuth2 access tokens for the FCM API, from the service account (RFC 7523): an RS256-signed
 * assertion is exchanged at the token endpoint, and the token is reused until shortly before it
 * expires. Concurrent sends that find no valid token share one exchange.
 */
@ApplicationScoped
public class FcmAccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);

    private final PushConfig.Fcm config;
    private final WebClient http;
    private final GarageClock clock;
    private volatile AccessToken token;
    private Uni<AccessToken> exchanging;

    public FcmAccessTokens(PushConfig config, ProviderHttp http, GarageClock clock) {
        this.clock = clock;
        this.config = config.fcm();
        this.http = http.client(false, Optional.empty());
    }

    /** A token valid for a while yet. */
    public Uni<String> current() {
        AccessToken held = token;
        if (held != null && held.expiresAt().isAfter(clock.now().plus(RENEW_BEFORE_EXPIRY))) {
            return Uni.createFrom().item(held.value());
        }
        return sharedExchange().map(AccessToken::value);
    }

    /** Forgets the token after FCM refused it, so that the next send gets a new one. */
    public void invalidate() {
        token = null;
    }

    private synchronized Uni<AccessToken> sharedExchange() {
        if (exchanging == null) {
            exchanging = exchange().invoke(fresh -> token = fresh).eventually(this::exchanged).memoize().indefinitely();
        }
        return exchanging;
    }

    private synchronized void exchanged() {
        exchanging = null;
    }

    private Uni<AccessToken> exchange() {
        Instant now = clock.now();
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", GRANT_TYPE)
                .add("assertion", assertion(now));
        return http.postAbs(config.tokenUri().toString()).sendForm(form).map(response -> {
            JsonObject body = Responses.json(response);
            if (response.statusCode() != 200 || body.getString("access_token") == null) {
                throw new ProviderUnavailableException("fcm", "the token endpoint answered " + response.statusCode()
                        + " " + Responses.abbreviated(response.bodyAsString()));
            }
            return new AccessToken(body.getString("access_token"),
                    now.plusSeconds(body.getLong("expires_in", ASSERTION_LIFETIME.toSeconds())));
        });
    }

    private String assertion(Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.clientEmail().orElseThrow());
        claims.setAudience(config.tokenUri().toString());
        claims.setClaim("scope", SCOPE);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ASSERTION_LIFETIME).getEpochSecond()));
        PrivateKey key = KeyMaterial.pkcs8(config.privateKey().orElseThrow(), "RSA");
        return SignedJwt.sign(claims, key, AlgorithmIdentifiers.RSA_USING_SHA256, config.privateKeyId().orElse(null));
    }

    private record AccessToken(String value, Instant expiresAt) {
    }
}
