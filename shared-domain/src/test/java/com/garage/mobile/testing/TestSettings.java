package com.garage.mobile.testing;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL and Redis that the {@code @QuarkusTest} tests use, for tests that run the packaged application as
 * a separate process and so cannot inject them.
 */
public final class TestSettings {

    private static final SmallRyeConfig CONFIG = new SmallRyeConfigBuilder()
            .addDefaultSources().withProfile("test").build();

    private TestSettings() {
    }

    public static String value(String name) {
        return CONFIG.getValue(name, String.class);
    }

    public static DataSource dataSource() {
        return dataSource(value("quarkus.datasource.jdbc.url"));
    }

    public static DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(value("quarkus.datasource.username"));
        dataSource.setPassword(value("quarkus.datasource.password"));
        return dataSource;
    }

    /**
     * What a pod's environment holds in production (the variables of the README's table), pointing at the test
     * database, the test Redis and the given OIDC provider.
     */
    public static Map<String, String> productionEnvironment(String oidcAuthServerUrl) {
        return productionEnvironment(value("quarkus.datasource.reactive.url"), value("quarkus.datasource.jdbc.url"),
                value("quarkus.redis.hosts"), oidcAuthServerUrl);
    }

    public static Map<String, String> productionEnvironment(String reactiveUrl, String jdbcUrl, String redisUrl,
            String oidcAuthServerUrl) {
        return Map.of(
                "ATTESTATION_ISSUER", TestAttestations.ISSUER,
                "ATTESTATION_JWKS_URL", TestAttestations.publicKeySetFile(),
                "DB_REACTIVE_URL", reactiveUrl,
                "DB_JDBC_URL", jdbcUrl,
                "DB_USER", value("quarkus.datasource.username"),
                "DB_PASSWORD", value("quarkus.datasource.password"),
                "DB_MIGRATE_AT_START", "true",
                "REDIS_URL", redisUrl,
                "OIDC_AUTH_SERVER_URL", oidcAuthServerUrl);
    }
}
