package com.garage.mobile.bench;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What one request costs a technician-bff pod besides its own CPU: SQL statements, Redis commands
 * and the time spent waiting for a pooled SQL connection, read from the pod's own client metrics
 * around a run of one request at a time, less what the pod's background work (event relay,
 * notification decisions, the outbox) did in an idle spell of the same length. Latency p50 beside
 * the health endpoint's, same pod, same run. Prints figures; asserts nothing.
 */
public final class RoundTripsBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEALTH = "GET /q/health/live (baseline)";
    private static final String JOB_CARD = "GET /api/v1/jobs/{id}";
    private static final String STATUS_CHANGE = "POST /api/v1/jobs/{id}/status";

    private final int requests = Integer.getInteger("bench.requests", 200);
    private final int warmUp = Integer.getInteger("bench.warm-up", 200);
    private BenchPod pod;

    public static void main(String[] args) {
        BenchMain.run(() -> new RoundTripsBench().run());
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path logs = root.resolve("bench/round-trips/target/logs");
        String jdbcUrl = System.getenv().getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/garage_test");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        System.setProperty("smallrye.jwt.sign.key.location", oidcConfig.get("smallrye.jwt.sign.key.location"));
        BenchRedis redis = BenchRedis.start(logs);
        pod = BenchPod.start("technician-bff", root.resolve("technician-bff/target/quarkus-app/quarkus-run.jar"),
                "512m", BenchEnvironment.of(jdbcUrl, redis, oidcConfig), logs).awaitReady();
        try {
            // After the pod's start, which migrates an empty database.
            BenchGarage garage = new BenchGarage(jdbcUrl).create(20, 20);
            String token = garage.seats().get(0).technicianToken();
            UUID job = garage.jobIds.get(0);
            List<Cost> costs = new ArrayList<>();
            costs.add(measure(HEALTH, () -> get("/q/health/live", null)));
            costs.add(measure("GET /api/v1/me", () -> get("/api/v1/me", token)));
            costs.add(measure("GET /api/v1/jobs/board (cached)", () -> get("/api/v1/jobs/board", token)));
            costs.add(measure(JOB_CARD, () -> get("/api/v1/jobs/" + job, token)));
            costs.add(measure(STATUS_CHANGE, new StatusToggle(job, token, false)::next));
            costs.add(measure("  the same, Prefer: return=minimal", new StatusToggle(garage.jobIds.get(1), token,
                    true)::next));
            report(costs);
        } finally {
            pod.stop();
            redis.stop();
            oidc.stop();
        }
    }

    private Cost measure(String label, Supplier<HttpResponse<String>> request) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            request.get();
        }
        Counters before = Counters.of(pod);
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long sent = System.nanoTime();
            request.get();
            latencies.add(System.nanoTime() - sent);
        }
        long elapsed = System.nanoTime() - started;
        Counters during = Counters.of(pod).minus(before);
        Counters idle = idleFor(elapsed);
        return new Cost(label, during.minus(idle).per(requests), latencies.percentileMillis(50));
    }

    /** What the pod does on its own over the same time, with nobody calling it. */
    private Counters idleFor(long nanos) throws Exception {
        Counters before = Counters.of(pod);
        Thread.sleep(nanos / 1_000_000);
        return Counters.of(pod).minus(before);
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET();
        return send((token == null ? builder : builder.header("Authorization", "Bearer " + token)).build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + pod.port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 204) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Moves one job back and forth between in progress and waiting for parts, each move on the last version. */
    private final class StatusToggle {

        private final UUID job;
        private final String token;
        private final String prefer;
        private String version = "\"0\"";
        private boolean inProgress = true;

        StatusToggle(UUID job, String token, boolean minimal) {
            this.job = job;
            this.token = token;
            this.prefer = minimal ? "return=minimal" : "return=representation";
        }

        HttpResponse<String> next() {
            inProgress = !inProgress;
            String target = inProgress ? "IN_PROGRESS" : "AWAITING_PARTS";
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + job + "/status"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("If-Match", version).header("Prefer", prefer)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + target + "\"}")).build());
            version = response.headers().firstValue("ETag").orElseThrow();
            return response;
        }
    }

    private static void report(List<Cost> costs) {
        double health = p50Of(costs, HEALTH);
        System.out.printf("%nOne client, one request at a time, warm; per request, the pod's background subtracted%n");
        System.out.printf("%-34s %8s %8s %14s %12s %9s %10s%n", "request", "SQL", "Redis", "SQL pool wait",
                "pod CPU ms", "p50 ms", "x health");
        for (Cost cost : costs) {
            System.out.printf("%-34s %8.1f %8.1f %11.3f ms %12.2f %9.2f %9.1fx%n", cost.label(),
                    cost.counters().sql(), cost.counters().redis(), cost.counters().poolWaitSeconds() * 1000,
                    cost.counters().cpuSeconds() * 1000, cost.p50Millis(), cost.p50Millis() / health);
        }
        target("job card GET", p50Of(costs, JOB_CARD) / health, 4);
        target("status change", p50Of(costs, STATUS_CHANGE) / health, 8);
    }

    private static double p50Of(List<Cost> costs, String label) {
        return costs.stream().filter(cost -> cost.label().equals(label)).findFirst().orElseThrow().p50Millis();
    }

    private static void target(String request, double ratio, double within) {
        System.out.printf("target %s p50 within %.0fx health's (%.1fx): %s%n", request, within, ratio,
                ratio <= within ? "MET" : "NOT MET");
    }

    private record Cost(String label, Counters counters, double p50Millis) {
    }
}
