package com.garage.mobile.domain.estimate;

import java.time.Instant;
import java.util.List;

/**
 * The evidence of the strong sign-in a decision was made under, as the identity provider stated it:
 * {@code acr}, {@code amr} and {@code auth_time}. Values, never the token itself.
 */
public record StrongSignIn(String acr, List<String> amr, Instant authTime) {

    public StrongSignIn {
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
