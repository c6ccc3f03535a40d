package com.garage.mobile.platform.push.webpush;

import com.garage.mobile.domain.notification.device.KeyMaterial;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.push.PushConfig;
import com.garage.mobile.platform.push.SignedJwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * VAPID (RFC 8292): identifies us to a push service with an ES256 JWT whose audience is the
 * service's origin. One token per origin is reused until an hour before it expires.
 */
@ApplicationScoped
public class VapidTokens {

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofHours(1);

    private final PushConfig.Web config;

    private final GarageClock clock;
    private final Map<String, Vapid> byOrigin = new ConcurrentHashMap<>();

    public VapidTokens(PushConfig config, GarageClock clock) {
        this.clock = clock;
        this.config = config.web();
    }

    /** The {@code Authorization} header value for a push service origin. */
    public String authorization(String origin) {
        Instant now = clock.now();
        Vapid vapid = byOrigin.compute(origin, (key, held) -> held != null
                && held.expiresAt().isAfter(now.plus(RENEW_BEFORE_EXPIRY)) ? held : sign(key, now));
        return "vapid t=" + vapid.token() + ", k=" + config.vapidPublicKey().orElseThrow();
    }

    private Vapid sign(String origin, Instant now) {
        Instant expiresAt = now.plus(LIFETIME);
        JwtClaims claims = new JwtClaims();
        claims.setAudience(origin);
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setSubject(config.subject());
        ECPrivateKey key = KeyMaterial.p256Scalar(KeyMaterial.base64Url(config.vapidPrivateKey().orElseThrow()));
        return new Vapid(SignedJwt.sign(claims, key, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, null),
                expiresAt);
    }

    private record Vapid(String token, Instant expiresAt) {
    }
}
