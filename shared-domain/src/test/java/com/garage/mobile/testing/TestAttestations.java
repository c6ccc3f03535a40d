package com.garage.mobile.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Makes device attestations the way the integrity service's relay does: a JWT signed with one of
 * the test keys, whose public halves the BFFs are configured with (key 1 inline in the test
 * profile, key 2 served by {@link AttestationKeysStub} once it has been rotated in).
 */
public final class TestAttestations {

    public static final String ISSUER = "https://attestation.test";
    public static final String KEY_1 = """
            {"kty":"EC","kid":"attest-test-1","use":"sig","alg":"ES256",\
            "x":"xjF7IB0p29hYcORjZIBcVmRKeVj0oR858Sxe5xXE-k8","y":"M8TJHOGCXaRAPi1IW3vHFpkKEzjafBJ3nAcfbEX9Ti0",\
            "crv":"P-256","d":"b8Hc1_7ZYvc2rVHCVB0xmOTdm2c3Mhq8zb1TRgu8rYo"}""";
    public static final String KEY_2 = """
            {"kty":"EC","kid":"attest-test-2","use":"sig","alg":"ES256",\
            "x":"AJWQ-vQEraUf0NrILj0RW4FAwplkk6R9m-xa0S7ZIyo","y":"0hULGkTiU88STvSJ0Ba1p6ujw0VYZOBEa9QA1mCFGsw",\
            "crv":"P-256","d":"3rceigz3HgZ2lqxYCMK2Yv84nB89nPzqfexBMbbPBCI"}""";

    private final String audience;
    private final String appId;

    public TestAttestations(String audience, String appId) {
        this.audience = audience;
        this.appId = appId;
    }

    /** An attestation of a genuine, current device running a current app, for the nonce. */
    public Builder of(String nonce) {
        return new Builder(nonce);
    }

    /**
     * A {@code file:} URL of a key set holding the public half of key 1, for apps configured as in production
     * ({@code ATTESTATION_JWKS_URL}).
     */
    public static String publicKeySetFile() {
        try {
            Path file = Files.createTempFile("attestation-keys", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, "{\"keys\":[" + publicJwk(KEY_1) + "]}");
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public half of a test key, as a JSON Web Key Set publishes it. */
    public static String publicJwk(String privateJwk) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(privateJwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accumulates the statements of one attestation. */
    public final class Builder {
        private final Map<String, Object> claims = new HashMap<>();
        private String issuer = ISSUER;
        private String tokenAudience = audience;
        private Instant issuedAt = Instant.now().minusSeconds(2);
        private Instant expiresAt = Instant.now().plusSeconds(120);
        private String key = KEY_1;

        private Builder(String nonce) {
            claims.put("nonce", nonce);
            claims.put("deviceIntegrity", "STRONG");
            claims.put("osName", "android");
            claims.put("osVersion", "14");
            claims.put("appId", appId);
            claims.put("appVersion", "3.4.1");
        }

        public Builder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public Builder integrity(String verdict) {
            return claim("deviceIntegrity", verdict);
        }

        public Builder os(String name, String version) {
            return claim("osName", name).claim("osVersion", version);
        }

        public Builder appVersion(String version) {
            return claim("appVersion", version);
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            tokenAudience = value;
            return this;
        }

        public Builder issuedAt(Instant value) {
            issuedAt = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        public Builder signedWith(String privateJwk) {
            key = privateJwk;
            return this;
        }

        public String sign() {
            JwtClaims jwt = new JwtClaims();
            jwt.setIssuer(issuer);
            jwt.setAudience(tokenAudience);
            jwt.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
            jwt.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
            claims.forEach(jwt::setClaim);
            try {
                PublicJsonWebKey signer = PublicJsonWebKey.Factory.newPublicJwk(key);
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(jwt.toJson());
                jws.setKey(signer.getPrivateKey());
                jws.setKeyIdHeaderValue(signer.getKeyId());
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
