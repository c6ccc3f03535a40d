package com.garage.mobile.platform.security.stepup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class StepUpPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");
    private static final StepUpPolicy POLICY = new StepUpPolicy(new StepUpConfig() {
        @Override
        public Set<String> acrValues() {
            return Set.of("urn:garage:acr:strong");
        }

        @Override
        public Set<String> amrValues() {
            return Set.of("hwk", "bio", "mfa");
        }

        @Override
        public Duration maxAge() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration clockSkew() {
            return Duration.ofSeconds(30);
        }
    });

    @Test
    void aConfiguredAcrSignedInJustNowIsStrongEnough() {
        assertEquals(Optional.empty(), POLICY.shortfall(token("acr", "urn:garage:acr:strong",
                "auth_time", NOW.minusSeconds(60).getEpochSecond()), NOW));
    }

    @Test
    void anyOneStrongAuthenticationMethodIsEnough() {
        assertEquals(Optional.empty(), POLICY.shortfall(token("amr", List.of("pwd", "bio"),
                "auth_time", NOW.getEpochSecond()), NOW));
    }

    @Test
    void jsonStringClaimsCountWithTheirQuotes() {
        assertEquals(Optional.empty(), POLICY.shortfall(token("acr", "\"urn:garage:acr:strong\"",
                "auth_time", Long.toString(NOW.getEpochSecond())), NOW));
        assertEquals(Optional.empty(), POLICY.shortfall(token("amr", List.of("\"hwk\""),
                "auth_time", NOW.getEpochSecond()), NOW));
    }

    @Test
    void aPasswordAloneIsNotStrong() {
        assertEquals(Optional.of("Your sign-in was not strong enough"), POLICY.shortfall(token("acr", "1",
                "amr", List.of("pwd"), "auth_time", NOW.getEpochSecond()), NOW));
        assertEquals(Optional.of("Your sign-in was not strong enough"),
                POLICY.shortfall(token("auth_time", NOW.getEpochSecond()), NOW));
    }

    @Test
    void aStrongSignInMustSayWhenItHappened() {
        assertEquals(Optional.of("Your token does not say when you signed in"),
                POLICY.shortfall(token("acr", "urn:garage:acr:strong"), NOW));
        assertEquals(Optional.of("Your token does not say when you signed in"),
                POLICY.shortfall(token("acr", "urn:garage:acr:strong", "auth_time", "yesterday"), NOW));
    }

    @Test
    void aStrongSignInCountsForItsMaximumAgeAndNoLonger() {
        assertEquals(Optional.empty(), POLICY.shortfall(token("acr", "urn:garage:acr:strong",
                "auth_time", NOW.minus(Duration.ofMinutes(5)).getEpochSecond()), NOW));
        assertEquals(Optional.of("Your strong sign-in is too long ago"), POLICY.shortfall(token(
                "acr", "urn:garage:acr:strong", "auth_time", NOW.minus(Duration.ofMinutes(5)).getEpochSecond() - 1),
                NOW));
    }

    @Test
    void aSignInFromTheFutureIsAcceptedOnlyWithinTheClockSkew() {
        assertEquals(Optional.empty(), POLICY.shortfall(token("acr", "urn:garage:acr:strong",
                "auth_time", NOW.plusSeconds(30).getEpochSecond()), NOW));
        assertEquals(Optional.of("Your strong sign-in is too long ago"), POLICY.shortfall(token(
                "acr", "urn:garage:acr:strong", "auth_time", NOW.plusSeconds(31).getEpochSecond()), NOW));
    }

    /** A token with the given claims, as name, value pairs. */
    private static JsonWebToken token(Object... claims) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < claims.length; i += 2) {
            values.put((String) claims[i], claims[i + 1]);
        }
        return new Claims(values);
    }

    private record Claims(Map<String, Object> values) implements JsonWebToken {

        @Override
        public String getName() {
            return "carl";
        }

        @Override
        public Set<String> getClaimNames() {
            return values.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) values.get(claimName);
        }
    }
}
