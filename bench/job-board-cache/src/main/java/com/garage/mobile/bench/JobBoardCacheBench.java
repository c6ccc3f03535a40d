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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Job board throughput on this machine's loopback, with the hot-payload cache on and off, each as
 * a ratio of the health endpoint's throughput on the same pod in the same run, and the board's
 * bytes on the wire, gzip and plain. Prints figures; asserts nothing.
 */
public final class JobBoardCacheBench {

    private static final double TARGET_RATIO = 0.5;
    private static final String BOARD = "/api/v1/jobs/board";

    private final Vertx vertx = Vertx.vertx();
    private final int connections = Integer.getInteger("bench.connections", 8);
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final int jobs = Integer.getInteger("bench.jobs", 50);
    private final int rounds = Integer.getInteger("bench.rounds", 2);

    public static void main(String[] args) {
        BenchMain.run(() -> new JobBoardCacheBench().run());
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path logs = root.resolve("bench/job-board-cache/target/logs");
        String jdbcUrl = System.getenv().getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/garage_test");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        System.setProperty("smallrye.jwt.sign.key.location", oidcConfig.get("smallrye.jwt.sign.key.location"));
        BenchRedis redis = BenchRedis.start(logs);
        BenchGarage garage = new BenchGarage(jdbcUrl).create(jobs, jobs);
        String token = garage.seats().get(0).technicianToken();
        Path app = root.resolve("technician-bff/target/quarkus-app/quarkus-run.jar");
        try {
            System.out.printf("Job board of one technician with %d jobs; %d connections, %d s measured%n",
                    jobs, connections, seconds);
            Figures cached = measure("technician-bff-cached", app, environment(jdbcUrl, redis, oidcConfig, true),
                    logs, token);
            Figures uncached = measure("technician-bff-uncached", app,
                    environment(jdbcUrl, redis, oidcConfig, false), logs, token);
            report(cached, uncached);
        } finally {
            redis.stop();
            oidc.stop();
        }
    }

    private Figures measure(String name, Path app, Map<String, String> environment, Path logs, String token)
            throws Exception {
        BenchPod pod = BenchPod.start(name, app, "512m", environment, logs).awaitReady();
        try {
            HttpClient client = client(pod);
            // Every path warm before any is measured, and the encodings measured in turns: the one measured first
            // otherwise ran while the JIT still compiled the endpoint, and came out up to a third slower.
            SettledWarmUp.drive(forSeconds -> warm(client, token, forSeconds), pod);
            double health = loop(client, "/q/health/live", null, false, seconds) / (double) seconds;
            long plain = 0;
            long gzip = 0;
            for (int round = 0; round < rounds; round++) {
                plain += loop(client, BOARD, token, false, seconds);
                gzip += loop(client, BOARD, token, true, seconds);
            }
            double board = plain / (double) (rounds * seconds);
            double boardGzip = gzip / (double) (rounds * seconds);
            long plainBytes = bodyBytes(client, token, false);
            long gzipBytes = bodyBytes(client, token, true);
            client.close();
            return new Figures(health, board, boardGzip, plainBytes, gzipBytes);
        } finally {
            pod.stop();
        }
    }

    private HttpClient client(BenchPod pod) {
        // Decompression off: a request asking for gzip counts the compressed bytes it receives.
        HttpClientOptions options = new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(pod.port)
                .setKeepAlive(true).setDecompressionSupported(false);
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections));
    }

    /** The health endpoint and both encodings of the board, a third of the time each. */
    private void warm(HttpClient client, String token, int forSeconds) throws Exception {
        int third = Math.max(1, forSeconds / 3);
        loop(client, "/q/health/live", null, false, third);
        loop(client, BOARD, token, false, third);
        loop(client, BOARD, token, true, Math.max(1, forSeconds - 2 * third));
    }

    /** Requests answered in {@code duration} seconds, each connection sending its next request on an answer. */
    private long loop(HttpClient client, String path, String token, boolean gzip, int duration) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        AtomicLong done = new AtomicLong();
        Failures failed = new Failures();
        List<Future<Void>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Promise<Void> finished = Promise.promise();
            fromEventLoop(() -> next(client, path, token, gzip, deadline, done, failed, finished));
            workers.add(finished.future());
        }
        Future.all(workers).toCompletionStage().toCompletableFuture().get(duration + 60L, TimeUnit.SECONDS);
        if (failed.count.get() > 0) {
            System.out.printf("  (%s: %d requests failed; the first: %s)%n", path, failed.count.get(),
                    failed.first.get());
        }
        return done.get();
    }

    /** One connection's loop; each answer sends the next request, without chaining futures. */
    private void next(HttpClient client, String path, String token, boolean gzip, long deadline, AtomicLong done,
            Failures failed, Promise<Void> finished) {
        if (System.nanoTime() > deadline) {
            finished.complete();
            return;
        }
        send(client, path, token, gzip).onComplete(answer -> {
            if (answer.result() == null) {
                done.incrementAndGet();
            } else {
                failed.add(answer.result());
            }
            next(client, path, token, gzip, deadline, done, failed, finished);
        });
    }

    /** How many requests of a loop failed, and what the first one got. */
    private record Failures(AtomicLong count, AtomicReference<String> first) {
        Failures() {
            this(new AtomicLong(), new AtomicReference<>());
        }

        void add(String failure) {
            count.incrementAndGet();
            first.compareAndSet(null, failure);
        }
    }

    /** Nothing for a 200 with a body; otherwise what came instead (an empty body counts as failed). */
    private static Future<String> send(HttpClient client, String path, String token, boolean gzip) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setURI(path);
        if (gzip) {
            request.putHeader("Accept-Encoding", "gzip");
        }
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        return client.request(request).compose(r -> r.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200 && body.length() > 0
                        ? null : response.statusCode() + " with " + body.length() + " bytes (headers "
                                + response.headers().entries() + "): "
                                + body.toString().substring(0, Math.min(body.length(), 300))))
                .recover(failure -> Future.succeededFuture(failure.toString()));
    }

    /**
     * Sends from an event loop, as every answer's next request already is: a request sent from the bench's own
     * thread lost its body now and then (a 200 with content-length 45 read as 0 bytes; Vert.x called body() after
     * the response's data had come in, eclipse-vertx/vert.x#5904).
     */
    private void fromEventLoop(Runnable send) {
        vertx.runOnContext(start -> send.run());
    }

    private long bodyBytes(HttpClient client, String token, boolean gzip) throws Exception {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setURI(BOARD)
                .putHeader("Authorization", "Bearer " + token);
        if (gzip) {
            request.putHeader("Accept-Encoding", "gzip");
        }
        Promise<Long> bytes = Promise.promise();
        fromEventLoop(() -> client.request(request).compose(r -> r.send()).compose(r -> r.body().map(body -> {
            if (r.statusCode() != 200 || body.length() == 0) {
                throw new IllegalStateException("The board answered " + r.statusCode() + " with " + body.length()
                        + " bytes; headers " + r.headers().entries());
            }
            return (long) body.length();
        })).onComplete(bytes));
        return bytes.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Map<String, String> environment(String jdbcUrl, BenchRedis redis, Map<String, String> oidc,
            boolean cache) {
        Map<String, String> environment = BenchEnvironment.of(jdbcUrl, redis, oidc);
        environment.put("GARAGE_CACHE_ENABLED", Boolean.toString(cache));
        return environment;
    }

    private static void report(Figures cached, Figures uncached) {
        System.out.println();
        System.out.printf("%-34s %10s %14s%n", "", "req/s", "x health");
        row("health (cache-on pod)", cached.health(), cached.health());
        row("job board, cached, plain", cached.board(), cached.health());
        row("job board, cached, gzip", cached.boardGzip(), cached.health());
        row("health (cache-off pod)", uncached.health(), uncached.health());
        row("job board, uncached, plain", uncached.board(), uncached.health());
        row("job board, uncached, gzip", uncached.boardGzip(), uncached.health());
        System.out.printf("%nCached over uncached board: %.2fx%n", cached.board() / uncached.board());
        System.out.printf("Board bytes on the wire: plain %d, gzip %d (%.1f%% of plain)%n", cached.plainBytes(),
                cached.gzipBytes(), 100.0 * cached.gzipBytes() / cached.plainBytes());
        double ratio = cached.board() / cached.health();
        System.out.printf("Target: cached job board >= %.0f%% of health throughput: %.0f%% -> %s%n",
                TARGET_RATIO * 100, ratio * 100, ratio >= TARGET_RATIO ? "MET" : "NOT MET");
        System.out.printf("Target: cached job board with gzip at least as fast as plain: %.0f against %.0f req/s"
                + " (%.2fx) -> %s%n", cached.boardGzip(), cached.board(), cached.boardGzip() / cached.board(),
                cached.boardGzip() >= cached.board() ? "MET" : "NOT MET");
    }

    private static void row(String label, double rate, double health) {
        System.out.printf("%-34s %10.0f %13.2fx%n", label, rate, rate / health);
    }

    private record Figures(double health, double board, double boardGzip, long plainBytes, long gzipBytes) {
    }
}
