package com.garage.mobile.platform.security.stepup;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Decides whether a token shows a strong authentication recent enough for a {@link StepUp} action. */
@ApplicationScoped
public class StepUpPolicy {

    private final StepUpConfig config;

    public StepUpPolicy(StepUpConfig config) {
        this.config = config;
    }

    /** Why the token falls short, or empty when it is strong and recent enough. */
    public Optional<String> shortfall(JsonWebToken token, Instant now) {
        if (!isStrong(token)) {
            return Optional.of("Your sign-in was not strong enough");
        }
        Long authTime = numberClaim(token.getClaim("auth_time"));
        if (authTime == null) {
            return Optional.of("Your token does not say when you signed in");
        }
        Instant signedInAt = Instant.ofEpochSecond(authTime);
        if (signedInAt.isBefore(now.minus(config.maxAge()))
                || signedInAt.isAfter(now.plus(config.clockSkew()))) {
            return Optional.of("Your strong sign-in is too long ago");
        }
        return Optional.empty();
    }

    private boolean isStrong(JsonWebToken token) {
        Object acr = token.getClaim("acr");
        if (acr != null && config.acrValues().contains(unquoted(acr))) {
            return true;
        }
        Object amr = token.getClaim("amr");
        if (amr instanceof Collection<?> methods) {
            return methods.stream().map(StepUpPolicy::unquoted).anyMatch(config.amrValues()::contains);
        }
        return false;
    }

    /** JSON string claims arrive as JSON values whose text keeps its quotes. */
    private static String unquoted(Object claim) {
        String text = claim.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }

    private static Long numberClaim(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim != null) {
            try {
                return Long.parseLong(claim.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
