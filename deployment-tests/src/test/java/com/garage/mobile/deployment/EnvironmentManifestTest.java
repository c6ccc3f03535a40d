package com.garage.mobile.deployment;

import static com.garage.mobile.deployment.Manifests.container;
import static com.garage.mobile.deployment.Manifests.containers;
import static com.garage.mobile.deployment.Manifests.elements;
import static com.garage.mobile.deployment.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pods get exactly the variables the services read in production, from settings that exist. */
class EnvironmentManifestTest {

    /** Secrets that production creates out of band (docs/deploy.md), with their keys. */
    private static final Map<String, Set<String>> EXTERNAL_SECRETS = Map.of(
            "garage-database", Set.of("DB_USER", "DB_PASSWORD"),
            "garage-redis", Set.of("REDIS_URL"),
            "garage-payments", Set.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRETS"),
            "garage-analytics", Set.of("ANALYTICS_USER_KEY_SECRET"),
            "garage-partners", Set.of("ROADSIDE_PARTNER_BASE_URL", "ROADSIDE_PARTNER_API_KEY",
                    "ROADSIDE_PARTNER_WEBHOOK_SECRETS"));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void bffsGetExactlyTheVariablesTheirProductionConfigurationReads(String overlay) {
        for (String bff : Manifests.BFFS) {
            ServiceConfig config = ServiceConfig.of(bff);
            Set<String> given = names(container(Kustomize.overlay(overlay).get("Deployment", bff)));
            assertEquals(config.environmentVariables(), given, bff + ": env vs ${...} in its %prod configuration");
            assertTrue(given.containsAll(config.requiredEnvironmentVariables()), bff);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void migrationJobGetsWhatTheTechnicianBffNeedsToStartPlusInitAndExit(String overlay) {
        Set<String> expected = new TreeSet<>(ServiceConfig.of("technician-bff").requiredEnvironmentVariables());
        expected.add("DB_MIGRATE_AT_START");
        expected.add("QUARKUS_INIT_AND_EXIT");
        JsonNode job = Kustomize.overlay(overlay).job();
        assertEquals(expected, names(Manifests.podSpec(job).path("containers").get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferencedSettingExists(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (JsonNode workload : manifests.workloads()) {
            for (JsonNode container : containers(workload)) {
                for (JsonNode variable : container.path("env")) {
                    String what = name(workload) + " " + variable.path("name").asText();
                    JsonNode from = variable.path("valueFrom");
                    if (from.has("configMapKeyRef")) {
                        JsonNode ref = from.path("configMapKeyRef");
                        JsonNode map = manifests.get("ConfigMap", ref.path("name").asText());
                        assertTrue(map.path("data").hasNonNull(ref.path("key").asText()), what);
                    } else if (from.has("secretKeyRef")) {
                        assertTrue(secretHas(manifests, from.path("secretKeyRef")), what);
                    } else {
                        assertTrue(variable.has("value"), what);
                    }
                }
            }
        }
    }

    private static boolean secretHas(Manifests manifests, JsonNode ref) {
        String secret = ref.path("name").asText();
        String key = ref.path("key").asText();
        Optional<JsonNode> rendered = manifests.find("Secret", secret);
        if (rendered.isPresent()) {
            return rendered.get().path("data").has(key);
        }
        return manifests.overlay().equals("prod") && EXTERNAL_SECRETS.getOrDefault(secret, Set.of()).contains(key);
    }

    private static Set<String> names(JsonNode container) {
        return elements(container.path("env")).map(v -> v.path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
