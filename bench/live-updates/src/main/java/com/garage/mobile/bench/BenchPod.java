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
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A BFF started from its packaged app, with its memory observable from outside. */
final class BenchPod {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LAG_BUCKET = Pattern.compile(
            "(?m)^garage_live_delivery_lag_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)");

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
        List<String> command = new ArrayList<>(List.of(java("java"), "-Xms" + heap, "-Xmx" + heap));
        String options = System.getProperty("bench.pod.options", "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.oidc.token.issuer=" + BenchTokens.ISSUER, "-jar", app.toString()));
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        // A shell set up for the tests exports QUARKUS_DATASOURCE_* and QUARKUS_REDIS_HOSTS, which outrank the
        // bench's settings: the pods would then run against the test database and Redis, not the bench's own.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("QUARKUS_"));
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

    /**
     * The pod's hand-over lag histogram ({@code garage_live_delivery_lag_seconds_bucket}, from the event's time, which
     * the writing pod takes before the change's statement): hand-overs so far at or under each bucket's bound in ms,
     * cumulative since the pod started. Two of them bracket a phase.
     */
    NavigableMap<Double, Double> deliveryLagBuckets() throws IOException, InterruptedException {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        NavigableMap<Double, Double> buckets = new TreeMap<>();
        Matcher bucket = LAG_BUCKET.matcher(metrics);
        while (bucket.find()) {
            double bound = "+Inf".equals(bucket.group(1)) ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(bucket.group(1)) * 1000;
            buckets.put(bound, Double.parseDouble(bucket.group(2)));
        }
        return buckets;
    }

    /**
     * A percentile of the hand-overs between two readings of {@link #deliveryLagBuckets()}: the bound of the
     * first bucket that holds it, so at most one bucket above the true figure (Micrometer's buckets lie 12 to
     * 33 % apart).
     */
    static double lagPercentile(NavigableMap<Double, Double> before, NavigableMap<Double, Double> after,
            double percentile) {
        double total = after.lastEntry().getValue() - before.lastEntry().getValue();
        for (var bucket : after.entrySet()) {
            if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= total * percentile / 100) {
                return bucket.getKey();
            }
        }
        return Double.NaN;
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

    long pid() {
        return process.pid();
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
