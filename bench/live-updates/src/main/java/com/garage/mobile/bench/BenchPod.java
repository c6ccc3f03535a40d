package com.garage.mobile.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A BFF started from its packaged app, with its memory observable from outside. */
final class BenchPod {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String name;
    final int port;
    private final Process process;

    private BenchPod(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static BenchPod start(String name, Path app, String heap, Map<String, String> environment, Path logs)
            throws IOException {
        int port = FreePort.next();
        List<String> command = new ArrayList<>(List.of(java("java"), "-Xms" + heap, "-Xmx" + heap,
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.oidc.token.issuer=" + BenchTokens.ISSUER, "-jar", app.toString()));
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        return new BenchPod(name, port, builder.start());
    }

    BenchPod awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see its log");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready in time");
    }

    /** The pod's own count of open live connections ({@code garage_live_connections}). */
    int liveConnections() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return (int) Double.parseDouble(metrics.replaceAll("(?s).*\ngarage_live_connections ([0-9.E]+).*", "$1"));
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A percentile of the pod's commit-to-hand-over lag ({@code garage_live_delivery_lag_seconds}), in ms. */
    double deliveryLagMillis(String quantile) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String pattern = "(?s).*\\ngarage_live_delivery_lag_seconds\\{[^}]*quantile=\""
                    + quantile.replace(".", "\\.") + "\"[^}]*} ([0-9.E-]+).*";
            return Double.parseDouble(metrics.replaceAll(pattern, "$1")) * 1000;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Heap in use right after a full collection, in bytes. */
    long heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        return heapInUse();
    }

    /** Heap in use now, garbage included, in bytes. */
    long heapInUse() throws IOException, InterruptedException {
        return heapInUse(jcmd("GC.heap_info"));
    }

    /** Heap in use now outside the young generation (what survived a collection), in bytes. */
    long heapBeyondYoung() throws IOException, InterruptedException {
        String info = jcmd("GC.heap_info");
        // G1: "region size 1024K, 20 young (20480K), 3 survivors (3072K)"
        String young = info.replaceAll("(?s).*? young \\((\\d+)K\\).*", "$1");
        return heapInUse(info) - Long.parseLong(young) * 1024;
    }

    private static long heapInUse(String info) {
        // G1: "garbage-first heap   total 524288K, used 61234K [..."
        String used = info.replaceAll("(?s).*?used (\\d+)K.*", "$1");
        return Long.parseLong(used) * 1024;
    }

    /** The heap's biggest classes by bytes, as {@code jcmd GC.class_histogram} lists them. */
    String biggestClasses(int count) throws IOException, InterruptedException {
        return jcmd("GC.class_histogram").lines().skip(1).limit(count + 2L)
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** Resident memory of the whole process, in bytes. */
    long residentBytes() throws IOException {
        String status = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status"));
        return Long.parseLong(status.replaceAll("(?s).*VmRSS:\\s+(\\d+) kB.*", "$1")) * 1024;
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(java("jcmd"), String.valueOf(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
    }

    private static String java(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }
}
