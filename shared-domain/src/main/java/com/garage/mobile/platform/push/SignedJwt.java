package com.garage.mobile.platform.push;

import java.security.Key;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Signs the JWTs that push providers take as credentials (RS256 for Google, ES256 for Apple and VAPID). */
public final class SignedJwt {

    private SignedJwt() {
    }

    /** A compact JWS of the claims, with {@code typ: JWT} and, when given, {@code kid}. */
    public static String sign(JwtClaims claims, Key key, String algorithm, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a provider token: " + e.getMessage(), e);
        }
    }
}
