package com.garage.mobile.deployment;

import static com.garage.mobile.deployment.Manifests.elements;
import static com.garage.mobile.deployment.Manifests.name;
import static com.garage.mobile.deployment.Manifests.podLabels;
import static com.garage.mobile.deployment.Manifests.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Autoscalers and disruption budgets point at the Deployments they are meant for. */
class ScalingManifestTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachAutoscalerTargetsADeploymentThatLeavesTheReplicaCountToIt(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        assertEquals(manifests.ofKind("Deployment").size(), manifests.ofKind("HorizontalPodAutoscaler").size());
        for (JsonNode autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
            assertEquals("apps/v1", target.path("apiVersion").asText());
            assertEquals("Deployment", target.path("kind").asText());
            JsonNode deployment = manifests.get("Deployment", target.path("name").asText());
            assertFalse(deployment.path("spec").has("replicas"), name(deployment) + " fights its autoscaler");
            int min = autoscaler.path("spec").path("minReplicas").asInt();
            assertTrue(min >= 1 && min <= autoscaler.path("spec").path("maxReplicas").asInt(), name(autoscaler));
            assertTrue(elements(autoscaler.path("spec").path("metrics"))
                    .anyMatch(m -> m.path("resource").path("name").asText().equals("cpu")), name(autoscaler));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachDeploymentHasADisruptionBudgetThatStillLetsNodesDrain(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode budget = manifests.get("PodDisruptionBudget", name(deployment));
            assertTrue(selects(budget.path("spec").path("selector"), podLabels(deployment)));
            assertEquals(1, budget.path("spec").path("maxUnavailable").asInt(), name(budget));
        }
    }

    /** The gauge of open live connections the BFFs export (LiveMetrics, "garage.live.connections"). */
    private static final String LIVE_CONNECTIONS_METRIC = "garage_live_connections";

    @Test
    void productionAlsoScalesOnOpenWebSocketConnections() {
        for (JsonNode autoscaler : Kustomize.overlay("prod").ofKind("HorizontalPodAutoscaler")) {
            assertTrue(elements(autoscaler.path("spec").path("metrics"))
                    .anyMatch(m -> m.path("type").asText().equals("Pods")
                            && m.path("pods").path("metric").path("name").asText().equals(LIVE_CONNECTIONS_METRIC)
                            && m.path("pods").path("target").path("type").asText().equals("AverageValue")),
                    name(autoscaler));
        }
    }
}
