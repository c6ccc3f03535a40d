package com.garage.mobile.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The objects one overlay renders to, and the lookups the tests need. */
record Manifests(String overlay, List<JsonNode> objects) {

    static final List<String> BFFS = List.of("technician-bff", "customer-bff");

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name(o).equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseGet(() -> fail(overlay + " renders no " + kind + " " + name));
    }

    /**
     * The value a container's variable gets, through its ConfigMap or Secret when that is rendered (production
     * Secrets are not).
     */
    Optional<String> valueOf(JsonNode container, String variable) {
        JsonNode env = elements(container.path("env")).filter(v -> v.path("name").asText().equals(variable))
                .findFirst().orElseGet(() -> fail(container.path("name").asText() + " has no " + variable));
        if (env.has("value")) {
            return Optional.of(env.path("value").asText());
        }
        JsonNode configMap = env.path("valueFrom").path("configMapKeyRef");
        if (!configMap.isMissingNode()) {
            return Optional.of(get("ConfigMap", configMap.path("name").asText()).path("data")
                    .path(configMap.path("key").asText()).asText());
        }
        JsonNode secret = env.path("valueFrom").path("secretKeyRef");
        return find("Secret", secret.path("name").asText())
                .map(s -> s.path("data").path(secret.path("key").asText()).asText())
                .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }

    /** Deployments and Jobs: whatever runs pods. */
    List<JsonNode> workloads() {
        return Stream.concat(ofKind("Deployment").stream(), ofKind("Job").stream()).toList();
    }

    JsonNode job() {
        List<JsonNode> jobs = ofKind("Job");
        assertEquals(1, jobs.size(), overlay + " renders one migration Job");
        return jobs.get(0);
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static Map<String, String> podLabels(JsonNode workload) {
        return strings(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    static List<JsonNode> containers(JsonNode workload) {
        JsonNode spec = podSpec(workload);
        return Stream.concat(elements(spec.path("initContainers")), elements(spec.path("containers"))).toList();
    }

    /** The one container of a BFF, named after it. */
    static JsonNode container(JsonNode deployment) {
        return elements(podSpec(deployment).path("containers"))
                .filter(c -> c.path("name").asText().equals(name(deployment))).findFirst()
                .orElseGet(() -> fail(name(deployment) + " has no container of its name"));
    }

    /** The number of a container port given by name or number. */
    static int port(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return elements(container.path("ports")).filter(p -> p.path("name").asText().equals(port.asText()))
                .findFirst().map(p -> p.path("containerPort").asInt())
                .orElseGet(() -> fail(container.path("name").asText() + " has no port named " + port.asText()));
    }

    /** Whether a label selector ({@code matchLabels} only, as ours are) selects pods with these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        assertTrue(selector.path("matchExpressions").isMissingNode(), "selectors use matchLabels only");
        return labels.entrySet().containsAll(strings(selector.path("matchLabels")).entrySet());
    }

    static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new TreeMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
