package com.garage.mobile.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mints bearer tokens signed with the key that Quarkus' test OIDC server publishes, so the BFF
 * verifies them exactly as it would verify the identity provider's.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";

    private final String audience;

    public TestTokens(String audience) {
        this.audience = audience;
    }

    public String of(Person person) {
        return builder(person).sign();
    }

    /** A token for a person, to be adjusted (expired, other issuer...) before signing. */
    public Builder builder(Person person) {
        return new Builder(person.subject(), person.garageId(), Set.of(person.role()));
    }

    /** A token for a subject we have no record of. */
    public Builder stranger(UUID garageId, String role) {
        return new Builder("stranger-" + UUID.randomUUID(), garageId, Set.of(role));
    }

    /** Accumulates claims for one token. */
    public final class Builder {
        private final String subject;
        private Object garage;
        private Set<String> roles;
        private String issuer = ISSUER;
        private String tokenAudience = audience;
        private Instant expiresAt = Instant.now().plusSeconds(600);
        private String acr;
        private List<String> amr;
        private Instant authTime;

        private Builder(String subject, UUID garageId, Set<String> roles) {
            this.subject = subject;
            this.garage = garageId;
            this.roles = roles;
        }

        public Builder garage(Object value) {
            this.garage = value;
            return this;
        }

        public Builder roles(String... values) {
            this.roles = Set.of(values);
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder audience(String value) {
            this.tokenAudience = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        /** A sign-in with a biometric unlock a few seconds ago: enough for any step-up action. */
        public Builder steppedUp() {
            return amr("bio", "pwd").authTime(Instant.now().minusSeconds(5));
        }

        public Builder acr(String value) {
            this.acr = value;
            return this;
        }

        public Builder amr(String... values) {
            this.amr = List.of(values);
            return this;
        }

        public Builder authTime(Instant value) {
            this.authTime = value;
            return this;
        }

        public String sign() {
            JwtClaimsBuilder claims = Jwt.claims()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(tokenAudience)
                    .groups(roles)
                    .issuedAt(expiresAt.minusSeconds(900))
                    .expiresAt(expiresAt);
            if (garage != null) {
                claims.claim("garage", garage.toString());
            }
            if (acr != null) {
                claims.claim("acr", acr);
            }
            if (amr != null) {
                claims.claim("amr", amr);
            }
            if (authTime != null) {
                claims.claim("auth_time", authTime.getEpochSecond());
            }
            return claims.jws().keyId("1").sign();
        }
    }
}
