package com.garage.mobile.domain.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long creating requests can be replayed by their {@code Idempotency-Key}. */
@ConfigMapping(prefix = "garage.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; a retry after that creates anew. */
    @WithDefault("24h")
    Duration retention();

    /** How often forgotten keys are purged. */
    @WithDefault("1h")
    Duration purgeEvery();
}
