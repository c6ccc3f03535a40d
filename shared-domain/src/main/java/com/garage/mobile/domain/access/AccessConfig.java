package com.garage.mobile.domain.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a BFF turns a verified token into an {@link Actor}. */
@ConfigMapping(prefix = "garage.access")
public interface AccessConfig {

    /** The people this BFF serves; tokens of anyone else are refused with 403. */
    AppAudience audience();

    /** The token claim holding the garage (tenant) id. */
    @WithDefault("garage")
    String garageClaim();
}
