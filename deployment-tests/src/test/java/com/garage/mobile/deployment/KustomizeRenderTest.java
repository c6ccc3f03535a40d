package com.garage.mobile.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overlays render with today's kustomize, without warnings or fields it has deprecated. */
class KustomizeRenderTest {

    /** Kustomization fields that kustomize 5 deprecates, and what replaces them. */
    private static final Set<String> DEPRECATED = Set.of("commonLabels", "patchesStrategicMerge",
            "patchesJson6902", "bases", "vars", "imageTags", "crds");

    @Test
    void rendersWithKubectl133AndKustomize56() {
        Kustomize.Run version = Kustomize.kubectl("version", "--client", "-o", "json");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().contains("\"gitVersion\": \"v1.33."), version.out());
        assertTrue(version.out().contains("\"kustomizeVersion\": \"v5.6."), version.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersBothServicesAndTheMigrationJob(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (String bff : Manifests.BFFS) {
            for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                    "Ingress", "ServiceAccount")) {
                manifests.get(kind, bff);
            }
        }
        manifests.job();
        String namespace = Manifests.name(manifests.ofKind("Namespace").get(0));
        for (JsonNode object : manifests.objects()) {
            if (!object.path("kind").asText().equals("Namespace")) {
                assertEquals(namespace, object.path("metadata").path("namespace").asText(), Manifests.name(object));
            }
        }
    }

    @Test
    void kustomizationsUseNoDeprecatedFields() throws IOException {
        ObjectMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.walk(Kustomize.K8S)) {
            List<Path> kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList();
            assertFalse(kustomizations.isEmpty());
            for (Path file : kustomizations) {
                JsonNode kustomization = yaml.readTree(file.toFile());
                kustomization.fieldNames().forEachRemaining(field -> assertFalse(DEPRECATED.contains(field),
                        Kustomize.K8S.relativize(file) + " uses the deprecated field " + field));
            }
        }
    }
}
