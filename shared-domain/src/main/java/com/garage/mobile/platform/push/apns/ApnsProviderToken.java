package com.garage.mobile.platform.push.apns;

import com.garage.mobile.domain.notification.device.KeyMaterial;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.push.PushConfig;
import com.garage.mobile.platform.push.SignedJwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * The provider authentication token APNs wants with each push: an ES256 JWT naming our team and
 * signing key. Apple refuses tokens older than an hour and throttles those renewed too often, so
 * one is kept for {@code token-lifetime}.
 */
@ApplicationScoped
public class ApnsProviderToken {

    private final PushConfig.Apns config;

    private final GarageClock clock;
    private String token;
    private Instant issuedAt = Instant.EPOCH;

    public ApnsProviderToken(PushConfig config, GarageClock clock) {
        this.clock = clock;
        this.config = config.apns();
    }

    public synchronized String current() {
        Instant now = clock.now();
        if (token == null || !issuedAt.plus(config.tokenLifetime()).isAfter(now)) {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(config.teamId().orElseThrow());
            claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
            token = SignedJwt.sign(claims, KeyMaterial.pkcs8(config.privateKey().orElseThrow(), "EC"),
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, config.keyId().orElseThrow());
            issuedAt = now;
        }
        return token;
    }

    /** Forgets the token after APNs called it expired or invalid. */
    public synchronized void invalidate() {
        token = null;
    }
}
