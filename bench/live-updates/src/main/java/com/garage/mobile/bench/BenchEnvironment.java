package com.garage.mobile.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment a bench pod runs with: the bench's own PostgreSQL database and Redis, the test
 * OIDC server, and device posture and rate limits off, which would refuse a load generator (the
 * attestation settings are then unused but must be set).
 */
final class BenchEnvironment {

    private BenchEnvironment() {
    }

    /** A modifiable map: a bench adds what its pod needs beyond this. */
    static Map<String, String> of(String jdbcUrl, BenchRedis redis, Map<String, String> oidc) {
        return new HashMap<>(Map.ofEntries(Map.entry("DB_USER", "garage"), Map.entry("DB_PASSWORD", "garage"),
                Map.entry("DB_JDBC_URL", jdbcUrl), Map.entry("DB_REACTIVE_URL", jdbcUrl.replace("jdbc:", "")),
                Map.entry("DB_MIGRATE_AT_START", "true"), Map.entry("REDIS_URL", "redis://127.0.0.1:" + redis.port),
                Map.entry("OIDC_AUTH_SERVER_URL", oidc.get("keycloak.url") + "/realms/quarkus/"),
                Map.entry("GARAGE_POSTURE_MODE", "OFF"), Map.entry("GARAGE_RATE_LIMIT_ENABLED", "false"),
                Map.entry("ATTESTATION_ISSUER", "https://attestation.bench"),
                Map.entry("ATTESTATION_JWKS_URL", "https://attestation.bench/keys")));
    }
}
