package com.garage.mobile.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Ready only once the database holds every migration this build ships. Pods of a new release start while the
 * release's migration Job runs (see k8s/), and take no traffic until it has finished.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private static final String NAME = "Database schema";

    private final Flyway flyway;
    /** Once current, always current: migrations only move forward. */
    private volatile boolean current;

    public SchemaReadiness(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        if (current) {
            return HealthCheckResponse.up(NAME);
        }
        try {
            int pending = flyway.info().pending().length;
            current = pending == 0;
            return HealthCheckResponse.named(NAME).status(current).withData("pendingMigrations", pending).build();
        } catch (FlywayException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", e.getMessage()).build();
        }
    }
}
