package com.garage.mobile.bench;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analytics events accepted per second through {@code POST /api/v1/analytics/events} of one
 * customer-bff pod at batch size 50, beside a plain {@code INSERT … SELECT unnest} of the same rows
 * over JDBC with as many connections, in the same run; then each of 20 fresh batches resent by
 * every connection at once, counting what was accepted and what was stored. Prints; asserts nothing.
 */
public final class AnalyticsIngestBench {

    static final int BATCH = 50;
    private static final double TARGET_RATIO = 0.5;

    private final Vertx vertx = Vertx.vertx();
    private final int connections = Integer.getInteger("bench.connections", 8);
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final int warmUp = Integer.getInteger("bench.warm-up", 30);

    public static void main(String[] args) {
        BenchMain.run(() -> new AnalyticsIngestBench().run());
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path logs = root.resolve("bench/analytics-ingest/target/logs");
        String jdbcUrl = System.getenv().getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/garage_test");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        System.setProperty("smallrye.jwt.sign.key.location", oidcConfig.get("smallrye.jwt.sign.key.location"));
        BenchRedis redis = BenchRedis.start(logs);
        BenchGarage garage = new BenchGarage(jdbcUrl).create(1, 1);
        String token = garage.seats().get(0).customerToken();
        Map<String, String> environment = BenchEnvironment.of(jdbcUrl, redis, oidcConfig);
        environment.put("GARAGE_ANALYTICS_BATCHES_PER_DEVICE", "100000000");
        UnnestBaseline baseline = new UnnestBaseline(jdbcUrl, garage.id, connections);
        BenchPod pod = BenchPod.start("customer-bff-analytics",
                root.resolve("customer-bff/target/quarkus-app/quarkus-run.jar"), "512m", environment, logs)
                .awaitReady();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(pod.port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
            System.out.printf("Batches of %d events; %d connections; %d s measured%n", BATCH, connections, seconds);
            SettledWarmUp.drive(forSeconds -> loop(client, token, forSeconds), pod);
            double endpoint = loop(client, token, seconds) / (double) seconds;
            baseline.eventsIn(warmUp, false);
            double plain = baseline.eventsIn(seconds, false) / (double) seconds;
            double deduped = baseline.eventsIn(seconds, true) / (double) seconds;
            Dedupe dedupe = dedupe(client, token, baseline);
            report(endpoint, plain, deduped, dedupe);
            client.close();
        } finally {
            pod.stop();
            redis.stop();
            oidc.stop();
            baseline.clear();
        }
    }

    /** Events accepted in {@code duration}, each connection sending its next batch on an answer. */
    private long loop(HttpClient client, String token, int duration) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Future<Void>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Promise<Void> finished = Promise.promise();
            String device = "bench-device-" + c;
            // From an event loop, for JobBoardCacheBench.fromEventLoop's reason (a lost body).
            vertx.runOnContext(start -> next(client, token, device, deadline, accepted, failed, finished));
            workers.add(finished.future());
        }
        Future.all(workers).toCompletionStage().toCompletableFuture().get(duration + 60L, TimeUnit.SECONDS);
        if (failed.get() > 0) {
            System.out.printf("  (%d batches failed)%n", failed.get());
        }
        return accepted.get();
    }

    private void next(HttpClient client, String token, String device, long deadline, AtomicLong accepted,
            AtomicLong failed, Promise<Void> finished) {
        if (System.nanoTime() > deadline) {
            finished.complete();
            return;
        }
        send(client, token, device, Events.batch("home")).onComplete(answer -> {
            if (answer.succeeded()) {
                accepted.addAndGet(answer.result());
            } else {
                failed.incrementAndGet();
            }
            next(client, token, device, deadline, accepted, failed, finished);
        });
    }

    /** 20 fresh batches, each sent by every connection at once: how many events were accepted and stored. */
    private Dedupe dedupe(HttpClient client, String token, UnnestBaseline baseline) throws Exception {
        List<Future<Integer>> answers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            JsonArray batch = Events.batch("resent");
            batch.forEach(event -> ids.add(((JsonObject) event).getString("id")));
            for (int c = 0; c < connections; c++) {
                answers.add(send(client, token, "resend-device-" + c, batch));
            }
        }
        Future.all(answers).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        long accepted = answers.stream().mapToLong(answer -> answer.result()).sum();
        return new Dedupe(answers.size(), ids.size(), accepted, baseline.stored(ids));
    }

    private static Future<Integer> send(HttpClient client, String token, String device, JsonArray events) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/analytics/events")
                .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json")
                .putHeader("X-Device-Id", device).putHeader("X-App-Platform", "ios")
                .putHeader("X-App-Version", "2.3.1");
        return client.request(request).compose(r -> r.send(new JsonObject().put("events", events).toBuffer()))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + body);
                    }
                    return body.toJsonObject().getInteger("accepted");
                }));
    }

    private void report(double endpoint, double plain, double deduped, Dedupe dedupe) {
        System.out.println();
        System.out.printf("%-46s %12s %8s%n", "", "events/s", "x plain");
        System.out.printf("%-46s %12.0f %8.2f%n", "plain INSERT ... SELECT unnest (JDBC)", plain, 1.0);
        System.out.printf("%-46s %12.0f %8.2f%n", "the same, ids claimed first (JDBC)", deduped, deduped / plain);
        System.out.printf("%-46s %12.0f %8.2f%n", "POST /api/v1/analytics/events (batch 50)", endpoint,
                endpoint / plain);
        double ratio = endpoint / plain;
        System.out.printf("Target: endpoint >= %.1fx the plain insert: %.2fx -> %s%n", TARGET_RATIO, ratio,
                ratio >= TARGET_RATIO ? "MET" : "NOT MET");
        System.out.printf("Dedupe: %d requests resending %d distinct events (%d connections at once):"
                + " %d accepted, %d stored -> %s%n", dedupe.requests(), dedupe.events(), connections, dedupe.accepted(),
                dedupe.stored(), dedupe.accepted() == dedupe.events() && dedupe.stored() == dedupe.events()
                        ? "HELD" : "BROKEN");
    }

    private record Dedupe(int requests, int events, long accepted, long stored) {
    }
}
