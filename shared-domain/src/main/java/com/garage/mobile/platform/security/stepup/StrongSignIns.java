package com.garage.mobile.platform.security.stepup;

import com.garage.mobile.domain.estimate.StrongSignIn;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's strong-sign-in evidence ({@code acr}, {@code amr}, {@code auth_time}) as values for the domain. */
@RequestScoped
public class StrongSignIns {

    private final SecurityIdentity identity;

    public StrongSignIns(SecurityIdentity identity) {
        this.identity = identity;
    }

    public StrongSignIn current() {
        return identity.getPrincipal() instanceof JsonWebToken token ? of(token) : of(null);
    }

    /** The evidence of a token the caller holds (an offline batch's, judged after the request's first steps). */
    public static StrongSignIn of(JsonWebToken token) {
        if (token == null || token.getRawToken() == null) {
            return new StrongSignIn(null, List.of(), null);
        }
        Object acr = token.getClaim("acr");
        Object amr = token.getClaim("amr");
        Object authTime = token.getClaim("auth_time");
        return new StrongSignIn(acr == null ? null : unquoted(acr),
                amr instanceof Collection<?> methods ? methods.stream().map(StrongSignIns::unquoted).toList() : List.of(),
                authTime == null ? null : Instant.ofEpochSecond(Long.parseLong(unquoted(authTime))));
    }

    /** JSON string claims arrive as JSON values whose text keeps its quotes. */
    private static String unquoted(Object claim) {
        String text = claim.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }
}
