package com.garage.mobile.deployment;

import static com.garage.mobile.deployment.Manifests.container;
import static com.garage.mobile.deployment.Manifests.containers;
import static com.garage.mobile.deployment.Manifests.elements;
import static com.garage.mobile.deployment.Manifests.name;
import static com.garage.mobile.deployment.Manifests.podSpec;
import static com.garage.mobile.deployment.Manifests.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pods: probes on what the services serve, and locked down, bounded containers. */
class WorkloadManifestTest {

    private static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesAndServiceUseTheHealthEndpointsOnThePortTheServiceServes(String overlay) {
        Manifests manifests = Kustomize.overlay(overlay);
        for (String bff : Manifests.BFFS) {
            JsonNode container = container(manifests.get("Deployment", bff));
            int served = ServiceConfig.of(bff).httpPort();
            PROBES.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertEquals(path, get.path("path").asText(), bff + " " + probe);
                assertEquals(served, port(container, get.path("port")), bff + " " + probe + " port");
            });
            JsonNode servicePort = manifests.get("Service", bff).path("spec").path("ports").get(0);
            assertEquals(served, port(container, servicePort.path("targetPort")), bff + " Service targetPort");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasLimitsAndRunsAsNonRootOnAReadOnlyFilesystem(String overlay) {
        for (JsonNode workload : Kustomize.overlay(overlay).workloads()) {
            JsonNode pod = podSpec(workload);
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), name(workload) + " API token");
            assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText());
            for (JsonNode container : containers(workload)) {
                String what = name(workload) + "/" + container.path("name").asText();
                JsonNode resources = container.path("resources");
                for (String bound : new String[] {"cpu", "memory"}) {
                    assertTrue(resources.path("limits").hasNonNull(bound), what + " limits " + bound);
                    assertTrue(resources.path("requests").hasNonNull(bound), what + " requests " + bound);
                }
                JsonNode security = container.path("securityContext");
                JsonNode podSecurity = pod.path("securityContext");
                assertTrue(security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean()),
                        what + " runAsNonRoot");
                assertNotEquals(0, security.path("runAsUser").asInt(podSecurity.path("runAsUser").asInt()), what);
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), what);
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), what + " readOnlyRootFilesystem");
                assertTrue(elements(security.path("capabilities").path("drop")).anyMatch(c -> c.asText()
                        .equals("ALL")), what + " drops all capabilities");
                assertTrue(writableTmp(pod, container), what + " has /tmp on an emptyDir");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsGetLongerToStopThanTheApplicationTakesToDrain(String overlay) {
        for (String bff : Manifests.BFFS) {
            ServiceConfig config = ServiceConfig.of(bff);
            assertEquals("true", config.prod("quarkus.shutdown.delay-enabled"));
            Duration drain = config.prodDuration("quarkus.shutdown.delay")
                    .plus(config.prodDuration("quarkus.shutdown.timeout"));
            long grace = podSpec(Kustomize.overlay(overlay).get("Deployment", bff))
                    .path("terminationGracePeriodSeconds").asLong();
            assertTrue(grace > drain.toSeconds(), bff + ": grace " + grace + "s <= drain " + drain);
        }
    }

    private static boolean writableTmp(JsonNode pod, JsonNode container) {
        return elements(container.path("volumeMounts"))
                .filter(mount -> mount.path("mountPath").asText().equals("/tmp"))
                .map(mount -> mount.path("name").asText())
                .anyMatch(volume -> elements(pod.path("volumes")).anyMatch(v -> v.path("name").asText()
                        .equals(volume) && v.has("emptyDir")));
    }
}
