package com.garage.mobile.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** One BFF instance, started from its packaged {@code quarkus-run.jar} as Kubernetes would start a pod. */
final class Pod {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String name;
    final int port;
    private final Process process;

    private Pod(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts the app in its production profile, configured from the environment like a pod. */
    static Pod start(String name, String app, Map<String, String> environment, Map<String, String> settings) {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("garage." + app + ".app")));
        Path log = Path.of(System.getProperty("garage.pods.logs"), name + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new Pod(name, port, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    Pod awaitReady() {
        Awaitility.await(name + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + "; see its log");
                    }
                    return HTTP.send(HttpRequest.newBuilder(http("/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
        return this;
    }

    /** SIGTERM, as Kubernetes stops a pod, and waits for the app to shut down. */
    void stop() {
        terminate();
        awaitStopped();
    }

    /** SIGTERM, as Kubernetes stops a pod. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the app to shut down, and kills it if it has not within a minute. */
    void awaitStopped() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
