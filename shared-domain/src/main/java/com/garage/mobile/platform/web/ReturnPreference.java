package com.garage.mobile.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;

/**
 * The client's {@code Prefer: return=minimal} (RFC 7240): after a change it needs only the new
 * version, not the resource read back, which spares the server the reload of the whole resource.
 */
public final class ReturnPreference {

    public static final String HEADER = "Prefer";
    public static final String DESCRIPTION = "`return=minimal` answers a successful change with 204, the new"
            + " version as the `ETag` and `Preference-Applied`, instead of the resource as it now stands.";
    private static final String MINIMAL = "return=minimal";

    private ReturnPreference() {
    }

    /** Whether the {@code Prefer} header asks for a minimal answer. */
    public static boolean minimal(String prefer) {
        return prefer != null && Arrays.stream(prefer.split("[,;]"))
                .map(token -> token.strip().toLowerCase(Locale.ROOT).replace(" ", ""))
                .anyMatch(MINIMAL::equals);
    }

    /** 204 with the new version, saying that the preference was applied. */
    public static Response minimalAnswer(long version) {
        return Response.noContent().header(HttpHeaders.ETAG, BaseVersion.etag(version))
                .header("Preference-Applied", MINIMAL).build();
    }
}
