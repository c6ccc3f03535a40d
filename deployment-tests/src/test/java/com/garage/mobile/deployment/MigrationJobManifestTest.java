package com.garage.mobile.deployment;

import static com.garage.mobile.deployment.Manifests.container;
import static com.garage.mobile.deployment.Manifests.elements;
import static com.garage.mobile.deployment.Manifests.name;
import static com.garage.mobile.deployment.Manifests.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Flyway migrations run once per release, in a Job, never in the serving pods. */
class MigrationJobManifestTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void jobMigratesWithTheReleasesTechnicianImageAndIsNamedAfterTheRelease(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        JsonNode job = manifests.job();
        JsonNode migrate = podSpec(job).path("containers").get(0);
        String image = container(manifests.get("Deployment", "technician-bff")).path("image").asText();
        assertEquals(image, migrate.path("image").asText());
        String tag = image.substring(image.lastIndexOf(':') + 1);
        assertEquals("garage-migrate-" + tag, name(job), "one Job per release");
        assertEquals("true", value(migrate, "DB_MIGRATE_AT_START"));
        assertEquals("true", value(migrate, "QUARKUS_INIT_AND_EXIT"));
        assertEquals("Never", podSpec(job).path("restartPolicy").asText());
        assertTrue(job.path("spec").path("backoffLimit").asInt() > 0, "retries a failed migration");
        assertTrue(job.path("spec").has("activeDeadlineSeconds"), "a hung migration is stopped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servingPodsNeverMigrate(String overlay) {
        for (String bff : Manifests.BFFS) {
            JsonNode container = container(Kustomize.overlay(overlay).get("Deployment", bff));
            assertEquals("false", value(container, "DB_MIGRATE_AT_START"), bff);
        }
    }

    private static String value(JsonNode container, String variable) {
        return elements(container.path("env")).filter(v -> v.path("name").asText().equals(variable))
                .map(v -> v.path("value").asText()).findFirst().orElseThrow();
    }
}
