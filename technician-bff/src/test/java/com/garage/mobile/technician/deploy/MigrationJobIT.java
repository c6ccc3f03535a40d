package com.garage.mobile.technician.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.PackagedApp;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.TestSettings;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A release on an empty database, as k8s/ rolls it out: the new pods start while the release's migration Job runs
 * (the packaged application with {@code DB_MIGRATE_AT_START=true} and {@code QUARKUS_INIT_AND_EXIT=true}).
 */
class MigrationJobIT {

    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private final String database = "garage_release_" + UUID.randomUUID().toString().substring(0, 8);
    private Rows rows;
    private String oidcUrl;

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        oidcUrl = oidc.start().get("keycloak.url") + "/realms/quarkus/";
        execute("create database " + database);
        rows = new Rows(TestSettings.dataSource(jdbcUrl()));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        oidc.stop();
        execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void podsWaitUnreadyForTheMigrationJobWhichNeedsOnlyPostgresqlAndRunsOncePerRelease() throws Exception {
        try (PackagedApp pod = PackagedApp.start("release-pod", pod())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> pod.status("/q/health/started") == 200);
            assertEquals(200, pod.status("/q/health/live"));
            given().when().get(pod.uri("/q/health/ready")).then().statusCode(503)
                    .body("checks.find { it.name == 'Database schema' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Database schema' }.data.pendingMigrations",
                            equalTo((int) shippedMigrations()));

            try (PackagedApp job = PackagedApp.start("release-migration-job", migrationJob())) {
                assertEquals(0, job.awaitExit(Duration.ofSeconds(90)), job.output());
            }
            long applied = rows.count("select count(*) from flyway_schema_history where success");
            assertEquals(shippedMigrations(), applied);

            pod.awaitReady(Duration.ofSeconds(30));
        }

        try (PackagedApp sameReleaseAgain = PackagedApp.start("release-migration-job-again", migrationJob())) {
            assertEquals(0, sameReleaseAgain.awaitExit(Duration.ofSeconds(90)), sameReleaseAgain.output());
            assertThat(sameReleaseAgain.output(), containsString("is up to date"));
        }
        assertEquals(shippedMigrations(), rows.count("select count(*) from flyway_schema_history"));
    }

    /** A serving pod's environment: the release's database, no migrations of its own. */
    private Map<String, String> pod() {
        Map<String, String> environment = new HashMap<>(TestSettings.productionEnvironment(reactiveUrl(), jdbcUrl(),
                TestSettings.value("quarkus.redis.hosts"), oidcUrl));
        environment.put("DB_MIGRATE_AT_START", "false");
        return environment;
    }

    /** The Job's environment; Redis and the OIDC provider are unreachable, as its NetworkPolicy makes them. */
    private Map<String, String> migrationJob() {
        String nowhere = "127.0.0.1:" + PackagedApp.unusedPort();
        Map<String, String> environment = new HashMap<>(TestSettings.productionEnvironment(reactiveUrl(), jdbcUrl(),
                "redis://" + nowhere, "http://" + nowhere + "/realms/garage"));
        environment.put("DB_MIGRATE_AT_START", "true");
        environment.put("QUARKUS_INIT_AND_EXIT", "true");
        return environment;
    }

    private String jdbcUrl() {
        return TestSettings.value("quarkus.datasource.jdbc.url").replaceFirst("/[^/]+$", "/" + database);
    }

    private String reactiveUrl() {
        return TestSettings.value("quarkus.datasource.reactive.url").replaceFirst("/[^/]+$", "/" + database);
    }

    private static long shippedMigrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "shared-domain", "src", "main", "resources", "db",
                "migration"))) {
            return files.filter(file -> file.getFileName().toString().matches("V.+__.+\\.sql")).count();
        }
    }

    private static void execute(String statement) throws SQLException {
        try (Connection connection = TestSettings.dataSource().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
