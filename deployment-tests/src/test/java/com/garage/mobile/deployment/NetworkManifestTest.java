package com.garage.mobile.deployment;

import static com.garage.mobile.deployment.Manifests.container;
import static com.garage.mobile.deployment.Manifests.elements;
import static com.garage.mobile.deployment.Manifests.name;
import static com.garage.mobile.deployment.Manifests.podLabels;
import static com.garage.mobile.deployment.Manifests.port;
import static com.garage.mobile.deployment.Manifests.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Traffic goes ingress controller → BFF → PostgreSQL, Redis and the OIDC provider, and nowhere else. */
class NetworkManifestTest {

    /** Namespaces whose pods may call a BFF: the ingress controller's, and Prometheus' for /q/metrics. */
    private static final Set<String> CALLERS = Set.of("ingress-nginx", "monitoring");
    private static final String DNS_UDP = "53/UDP";
    private static final String DNS_TCP = "53/TCP";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodIsIsolatedUnlessAPolicyAllowsTheTraffic(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (JsonNode workload : manifests.workloads()) {
            assertTrue(manifests.ofKind("NetworkPolicy").stream().anyMatch(policy -> isDenyAll(policy)
                    && selects(policy.path("spec").path("podSelector"), podLabels(workload))), name(workload));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheIngressControllerReachesEachBffOnItsHttpPort(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (String bff : Manifests.BFFS) {
            JsonNode deployment = manifests.get("Deployment", bff);
            List<JsonNode> rules = rules(manifests, deployment, "ingress");
            assertTrue(rules.stream().anyMatch(rule -> callers(rule).contains("ingress-nginx")), bff);
            for (JsonNode rule : rules) {
                assertTrue(CALLERS.containsAll(callers(rule)) && !callers(rule).isEmpty(), bff + " from " + rule);
                assertFalse(rule.path("ports").isEmpty(), bff + " all ports open");
                for (JsonNode allowed : rule.path("ports")) {
                    assertEquals(ServiceConfig.of(bff).httpPort(), port(container(deployment), allowed.path("port")));
                }
            }
        }
        assertTrue(rules(manifests, manifests.job(), "ingress").isEmpty(), "nothing calls the migration Job");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void bffsReachOnlyDnsPostgresqlRedisTheOidcProviderAndTheObjectStore(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (String bff : Manifests.BFFS) {
            JsonNode deployment = manifests.get("Deployment", bff);
            JsonNode container = container(deployment);
            int redis = manifests.valueOf(container, "REDIS_URL").map(url -> URI.create(url).getPort())
                    .orElse(6379);
            Set<String> expected = new TreeSet<>(List.of(DNS_UDP, DNS_TCP, tcp(databasePort(manifests, container)),
                    tcp(redis), tcp(oidcPort(manifests, container)), tcp(objectStorePort(manifests, container))));
            assertEquals(expected, egressPorts(manifests, deployment), bff);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void migrationJobReachesOnlyDnsAndPostgresql(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        JsonNode job = manifests.job();
        int database = databasePort(manifests, Manifests.podSpec(job).path("containers").get(0));
        assertEquals(Set.of(DNS_UDP, DNS_TCP, tcp(database)), egressPorts(manifests, job));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesTheApiAndWebSocketsOnlyAndKeepsWebSocketsOpen(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (String bff : Manifests.BFFS) {
            JsonNode ingress = manifests.get("Ingress", bff);
            JsonNode annotations = ingress.path("metadata").path("annotations");
            assertTrue(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt() >= 3600, bff);
            assertTrue(annotations.path("nginx.ingress.kubernetes.io/proxy-send-timeout").asInt() >= 3600, bff);
            assertEquals(bytes(ServiceConfig.of(bff).prod("garage.request.max-body-size")),
                    bytes(annotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asText()), bff);
            assertEquals("nginx", ingress.path("spec").path("ingressClassName").asText());
            Set<String> tlsHosts = new TreeSet<>();
            ingress.path("spec").path("tls").forEach(tls -> tls.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
            Set<String> paths = new TreeSet<>();
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                assertTrue(tlsHosts.contains(rule.path("host").asText()), bff + " serves " + rule + " over TLS");
                for (JsonNode path : rule.path("http").path("paths")) {
                    paths.add(path.path("path").asText());
                    JsonNode backend = path.path("backend").path("service");
                    assertEquals(bff, backend.path("name").asText());
                    JsonNode servicePort = manifests.get("Service", bff).path("spec").path("ports").get(0);
                    assertEquals(servicePort.path("name").asText(), backend.path("port").path("name").asText());
                }
            }
            assertEquals(Set.of("/api", "/ws"), paths, bff + ": health and metrics stay inside the cluster");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void uploadsPassTheIngressUpToTheLargestMediaUnbufferedOnTheApisHost(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (String bff : Manifests.BFFS) {
            JsonNode api = manifests.get("Ingress", bff);
            JsonNode uploads = manifests.get("Ingress", bff + "-uploads");
            JsonNode annotations = uploads.path("metadata").path("annotations");
            assertEquals(bytes(ServiceConfig.of(bff).prod("quarkus.http.limits.max-body-size")),
                    bytes(annotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asText()), bff);
            assertEquals("off", annotations.path("nginx.ingress.kubernetes.io/proxy-request-buffering").asText(), bff);
            assertEquals(ServiceConfig.of(bff).prod("garage.request.streamed-paths"),
                    uploads.path("spec").path("rules").get(0).path("http").path("paths").get(0).path("path").asText());
            assertEquals(1, uploads.path("spec").path("rules").get(0).path("http").path("paths").size(), bff);
            assertEquals(api.path("spec").path("rules").get(0).path("host"),
                    uploads.path("spec").path("rules").get(0).path("host"), bff);
            assertEquals(api.path("spec").path("tls"), uploads.path("spec").path("tls"), bff);
        }
    }

    private static boolean isDenyAll(JsonNode policy) {
        JsonNode spec = policy.path("spec");
        Set<String> types = new TreeSet<>();
        spec.path("policyTypes").forEach(t -> types.add(t.asText()));
        return types.equals(Set.of("Ingress", "Egress")) && spec.path("ingress").isEmpty()
                && spec.path("egress").isEmpty();
    }

    /** The rules ("ingress" or "egress") of every policy that selects the workload's pods. */
    private static List<JsonNode> rules(Manifests manifests, JsonNode workload, String direction) {
        return manifests.ofKind("NetworkPolicy").stream()
                .filter(policy -> selects(policy.path("spec").path("podSelector"), podLabels(workload)))
                .flatMap(policy -> elements(policy.path("spec").path(direction))).toList();
    }

    private static Set<String> callers(JsonNode rule) {
        Set<String> namespaces = new TreeSet<>();
        for (JsonNode peer : rule.path("from")) {
            namespaces.add(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name")
                    .asText("any namespace"));
        }
        return namespaces;
    }

    /** Ports the workload may call; every rule names its ports and narrows its destinations. */
    private static Set<String> egressPorts(Manifests manifests, JsonNode workload) {
        Set<String> ports = new TreeSet<>();
        for (JsonNode rule : rules(manifests, workload, "egress")) {
            assertFalse(rule.path("ports").isEmpty(), name(workload) + " may call any port: " + rule);
            assertFalse(rule.path("to").isEmpty(), name(workload) + " may call anywhere: " + rule);
            rule.path("ports").forEach(p -> ports.add(p.path("port").asInt() + "/" + p.path("protocol").asText()));
        }
        return ports;
    }

    private static int databasePort(Manifests manifests, JsonNode container) {
        return Stream.of("DB_REACTIVE_URL", "DB_JDBC_URL")
                .map(variable -> manifests.valueOf(container, variable).orElseThrow())
                .map(url -> URI.create(url.replaceFirst("^jdbc:", "")).getPort())
                .reduce((a, b) -> {
                    assertEquals(a, b, "both database URLs use one port");
                    return a;
                }).orElseThrow();
    }

    private static int oidcPort(Manifests manifests, JsonNode container) {
        URI provider = URI.create(manifests.valueOf(container, "OIDC_AUTH_SERVER_URL").orElseThrow());
        if (provider.getPort() > 0) {
            return provider.getPort();
        }
        return provider.getScheme().equals("https") ? 443 : 80;
    }

    /** The media object store's port: its endpoint's, or HTTPS for AWS S3 (no endpoint). */
    private static int objectStorePort(Manifests manifests, JsonNode container) {
        String endpoint = manifests.valueOf(container, "MEDIA_S3_ENDPOINT").orElse("");
        if (endpoint.isBlank()) {
            return 443;
        }
        URI store = URI.create(endpoint);
        return store.getPort() > 0 ? store.getPort() : store.getScheme().equals("https") ? 443 : 80;
    }

    private static String tcp(int port) {
        return port + "/TCP";
    }

    /** A size in bytes, from Quarkus' (1M) or nginx's (1m) notation. */
    private static long bytes(String size) {
        String unit = size.substring(size.length() - 1).toLowerCase();
        long number = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (unit) {
            case "k" -> number * 1024;
            case "m" -> number * 1024 * 1024;
            case "g" -> number * 1024 * 1024 * 1024;
            default -> Long.parseLong(size);
        };
    }
}
