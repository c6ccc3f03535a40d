package com.garage.mobile.domain.notification.provider.apns;

import com.garage.mobile.domain.notification.provider.KeyMaterial;
import com.garage.mobile.domain.notification.provider.PushConfig;
import com.garage.mobile.domain.notification.provider.SignedJwt;
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
    private String token;
    private Instant issuedAt = Instant.EPOCH;

    public ApnsProviderToken(PushConfig config) {
        this.config = config.apns();
    }

    public synchronized String current() {
        Instant now = Instant.now();
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
