package com.garage.mobile.bench;

import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens signed with the test OIDC server's key, as the BFFs' tests mint them. */
final class BenchTokens {

    static final String ISSUER = "https://server.example.com";

    private BenchTokens() {
    }

    static String of(String subject, UUID garageId, String role, String audience) {
        Instant now = Instant.now();
        return Jwt.claims().subject(subject).issuer(ISSUER).audience(audience).groups(Set.of(role))
                .claim("garage", garageId.toString()).issuedAt(now).expiresAt(now.plusSeconds(3600))
                .jws().keyId("1").sign();
    }
}
