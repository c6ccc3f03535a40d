package com.garage.mobile.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders the overlays with the kubectl that {@code scripts/install-kubectl.sh} installs (kubectl 1.33, kustomize
 * 5.6: what operators use today), once per overlay and test run.
 */
final class Kustomize {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("k8s");
    static final Path KUBECTL = REPO.resolve(".local/bin/kubectl");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static Manifests overlay(String name) {
        return RENDERED.computeIfAbsent(name, Kustomize::render);
    }

    /** What a command printed: its exit code, standard output and standard error. */
    record Run(int exitCode, String out, String err) {
    }

    static Run kubectl(String... arguments) {
        assertTrue(Files.isExecutable(KUBECTL), KUBECTL + " is missing: run scripts/install-kubectl.sh");
        try {
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            Process process = new ProcessBuilder(command(arguments)).directory(REPO.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl did not finish");
            Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(KUBECTL.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static Manifests render(String overlay) {
        Run run = kubectl("kustomize", "k8s/overlays/" + overlay);
        assertEquals(0, run.exitCode(), run.err());
        // kustomize warns on stderr about deprecated fields and the like; the manifests must give it no reason.
        assertEquals("", run.err().strip(), "kustomize warned while rendering " + overlay);
        try {
            List<JsonNode> objects = YAML.readerFor(JsonNode.class).<JsonNode>readValues(run.out()).readAll()
                    .stream().filter(node -> !node.isMissingNode() && !node.isNull()).toList();
            return new Manifests(overlay, objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
