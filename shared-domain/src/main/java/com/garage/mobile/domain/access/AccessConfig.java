package com.garage.mobile.domain.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** How a BFF turns a verified token into an {@link Actor}. */
@ConfigMapping(prefix = "garage.access")
public interface AccessConfig {

    /** The people this BFF serves; tokens of anyone else are refused with 403. */
    AppAudience audience();

    /**
     * Whether a rule that shared endpoints declare for some apps only ({@code onlyFor}) holds in
     * this BFF; a rule that names no audience holds in every BFF.
     */
    default boolean servesAnyOf(AppAudience... audiences) {
        return audiences.length == 0 || List.of(audiences).contains(audience());
    }

    /** The token claim holding the garage (tenant) id. */
    @WithDefault("garage")
    String garageClaim();
}
