package com.garage.mobile.bench;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Live updates under load, on this machine's loopback: how many idle customer connections one
 * customer-bff pod holds and what each costs, and how long a technician's change takes to reach
 * the customer's WebSocket across two pods, beside a bare Redis stream round trip measured in the
 * same run. Prints figures; asserts nothing.
 */
public final class LiveUpdatesBench {

    private static final double TARGET_P99_MS = 50;
    private static final double TARGET_HAND_OVER_RATIO = 5;
    private static final int TARGET_WRITES_PER_SECOND = 400;
    private static final double TARGET_WRITE_P99_MS = 100;

    private final Vertx vertx = Vertx.vertx();
    private final int connections = Integer.getInteger("bench.connections", 10_000);
    private final int rate = Integer.getInteger("bench.rate", 200);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int jobs = Integer.getInteger("bench.jobs", 50);
    private final int garages = Integer.getInteger("bench.garages", 10);
    private final String heap = System.getProperty("bench.heap", "512m");
    private final int writeRate = Integer.getInteger("bench.write-rate", TARGET_WRITES_PER_SECOND);
    private final String phases = System.getProperty("bench.phases", "idle,latency,writes");

    public static void main(String[] args) {
        BenchMain.run(() -> new LiveUpdatesBench().run());
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path logs = root.resolve("bench/live-updates/target/logs");
        String jdbcUrl = env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/garage_test");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        System.setProperty("smallrye.jwt.sign.key.location", oidcConfig.get("smallrye.jwt.sign.key.location"));
        BenchRedis redis = BenchRedis.start(logs);
        // The bench measures the live path, not device attestation nor per-user budgets (one technician
        // writes 20 times a second).
        Map<String, String> environment = BenchEnvironment.of(jdbcUrl, redis, oidcConfig);
        BenchGarage garage = new BenchGarage(jdbcUrl).create(connections, 0);
        List<BenchGarage.Seat> seats = seats(jdbcUrl, garages);
        BenchPod customerPod = BenchPod.start("customer-bff", app(root, "customer-bff"), heap, environment, logs);
        BenchPod workshopPod = BenchPod.start("technician-bff", app(root, "technician-bff"), "512m", environment,
                logs);
        Runnable stopVacuums = BenchSchema.vacuumAsAServerWould(jdbcUrl);
        try {
            customerPod.awaitReady();
            workshopPod.awaitReady();
            if (phases.contains("idle")) {
                idleConnections(customerPod, garage);
            }
            if (phases.contains("latency")) {
                latency(customerPod, workshopPod, seats, redis);
            }
            if (phases.contains("writes")) {
                sustainedWrites(customerPod, workshopPod, seats(jdbcUrl, garages), seats(jdbcUrl, 1));
            }
        } finally {
            stopVacuums.run();
            customerPod.stop();
            workshopPod.stop();
            redis.stop();
            oidc.stop();
            vertx.close();
        }
    }

    /** {@code jobs} jobs with their customers and one technician each garage, spread over {@code among} garages. */
    private List<BenchGarage.Seat> seats(String jdbcUrl, int among) throws Exception {
        List<BenchGarage.Seat> seats = new ArrayList<>();
        for (int g = 0; g < among; g++) {
            int here = jobs / among + (g < jobs % among ? 1 : 0);
            seats.addAll(new BenchGarage(jdbcUrl).create(here, here).seats());
        }
        return seats;
    }

    private void idleConnections(BenchPod pod, BenchGarage garage) throws Exception {
        System.out.printf("%n== Idle connections on one customer-bff pod (-Xmx%s) ==%n", heap);
        long heapBefore = pod.heapAfterGc();
        long rssBefore = pod.residentBytes();
        // The JDK's client: Vert.x's lost a few of the caught-up messages the pod had written (docs/performance.md).
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<java.net.http.WebSocket> open = new ArrayList<>();
        AtomicInteger caughtUp = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(200);
        long started = System.nanoTime();
        java.net.http.WebSocket.Listener counting = new java.net.http.WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence text, boolean last) {
                if (text.toString().contains("caught-up")) {
                    caughtUp.incrementAndGet();
                }
                socket.request(1);
                return null;
            }
        };
        for (UUID customer : garage.customerIds) {
            inFlight.acquire();
            String token = BenchTokens.of(BenchGarage.customerSubject(customer), garage.id, "customer", "customer-bff");
            client.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(60))
                    .buildAsync(URI.create("ws://127.0.0.1:" + pod.port + "/ws/v1/live"), counting)
                    .whenComplete((socket, failure) -> {
                        inFlight.release();
                        if (failure != null) {
                            failed.incrementAndGet();
                        } else {
                            synchronized (open) {
                                open.add(socket);
                            }
                        }
                    });
        }
        inFlight.acquire(200);
        awaitQuietly(() -> pod.liveConnections() >= connections - failed.get(), 120);
        double openSeconds = (System.nanoTime() - started) / 1e9;
        // The pod counts a connection just before it writes its caught-up: some are still on their way here.
        int caughtUpWhenCounted = caughtUp.get();
        awaitQuietly(() -> caughtUp.get() >= connections - failed.get(), 60);
        long heapAfter = pod.heapAfterGc();
        long rssAfter = pod.residentBytes();
        int held = pod.liveConnections();
        System.out.printf("connections live on the pod: %d of %d (handshakes failed: %d; caught-up received: %d,"
                + " %d of them by the time the pod counted the last connection), opened in %.1f s%n", held,
                connections, failed.get(), caughtUp.get(), caughtUpWhenCounted, openSeconds);
        double perConnection = (heapAfter - heapBefore) / 1024.0 / Math.max(1, held);
        System.out.printf("heap after full GC: %.1f MB -> %.1f MB = %.1f KB per connection%n", mb(heapBefore),
                mb(heapAfter), perConnection);
        System.out.printf("process resident memory: %.1f MB -> %.1f MB = %.1f KB per connection%n", mb(rssBefore),
                mb(rssAfter), (rssAfter - rssBefore) / 1024.0 / Math.max(1, held));
        System.out.printf("biggest classes on the heap with the connections open:%n%s%n", pod.biggestClasses(12));
        System.out.printf("target 10,000 connections within a %s heap: %s%n", heap,
                held >= 10_000 ? "MET" : "NOT MET (" + held + ")");
        System.out.printf("target heap per idle connection below 20 KB (%.1f KB): %s%n", perConnection,
                perConnection < 20 ? "MET" : "NOT MET");
        CompletableFuture.allOf(open.stream()
                .map(socket -> socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, ""))
                .toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        client.close();
    }

    private void latency(BenchPod customerPod, BenchPod workshopPod, List<BenchGarage.Seat> seats, BenchRedis redis)
            throws Exception {
        System.out.printf("%n== Technician HTTP write -> customer WebSocket, two pods, %d events/s for %d s,"
                + " %d jobs in %d garages ==%n", rate, seconds, seats.size(), garages);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Latencies warmUp = new Latencies();
        Latencies measured = new Latencies();
        AtomicReference<Latencies> recording = new AtomicReference<>(warmUp);
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(jobs + 10));
        for (BenchGarage.Seat seat : seats) {
            connectLive(client, customerPod, seat.customerToken(), text -> {
                long received = System.nanoTime();
                JsonObject message = new JsonObject(text);
                Long sent = sentAt.remove(message.getString("jobId") + ":" + message.getInteger("seq"));
                boolean jobEvent = "event".equals(message.getString("type"))
                        && "job".equals(message.getString("topic"));
                if (jobEvent && sent != null) {
                    recording.get().add(received - sent);
                }
            }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        Workshop workshop = new Workshop(workshopPod, seats, sentAt);
        SettledWarmUp.drive(forSeconds -> workshop.drive(rate, forSeconds), workshopPod, customerPod);
        awaitQuietly(sentAt::isEmpty, 30);
        recording.set(measured);
        var lagBefore = customerPod.deliveryLagBuckets();
        CpuShares cpu = CpuShares.start(SettledWarmUp.pids(workshopPod, customerPod));
        Workshop.Result result = workshop.drive(rate, seconds);
        String cpuUsed = cpu.summary();
        awaitQuietly(sentAt::isEmpty, 30);
        var lagAfter = customerPod.deliveryLagBuckets();
        System.out.printf("warm-up, not counted:    %s%n", warmUp.summary());
        System.out.printf("writes: %d ok, %d failed, %d skipped (job still busy); events never received: %d%n",
                result.ok(), result.failed(), result.skipped(), sentAt.size());
        System.out.printf("write -> receipt:        %s%n", measured.summary());
        System.out.printf("  of which the write:    %s%n", result.writes().summary());
        System.out.printf("  %s%n", cpuUsed);
        // From the pod's buckets read around the measured phase: its percentiles cover a rolling window of
        // about two minutes, which held the warm-up too.
        double handOverP99 = BenchPod.lagPercentile(lagBefore, lagAfter, 99);
        System.out.printf("  commit -> hand-over on the customer pod (its garage_live_delivery_lag, bucket bounds;"
                + " from the event's time, taken before the write's statement): p50<=%.2f ms p99<=%.2f ms%n",
                BenchPod.lagPercentile(lagBefore, lagAfter, 50), handOverP99);
        Latencies redisTrip = redis.roundTrips(vertx, rate, seconds);
        System.out.printf("Redis XADD -> XREAD:     %s%n", redisTrip.summary());
        System.out.printf("p99 write->receipt / p99 Redis round trip = %.1fx%n",
                measured.percentileMillis(99) / redisTrip.percentileMillis(99));
        System.out.printf("target p99 < %.0f ms: %s%n", TARGET_P99_MS,
                measured.percentileMillis(99) < TARGET_P99_MS ? "MET" : "NOT MET");
        double handOverRatio = handOverP99 / redisTrip.percentileMillis(99);
        System.out.printf("target commit -> hand-over p99 within %.0fx the Redis round trip's p99 (%.1fx): %s%n",
                TARGET_HAND_OVER_RATIO, handOverRatio, handOverRatio <= TARGET_HAND_OVER_RATIO ? "MET" : "NOT MET");
        client.close();
    }

    /**
     * Status changes alone at {@code bench.write-rate}, spread over the garages as a deployment's are, then the same
     * rate into one garage (its audit chain and its jobs' events are one garage's), on fresh jobs.
     */
    private void sustainedWrites(BenchPod customerPod, BenchPod workshopPod, List<BenchGarage.Seat> spread,
            List<BenchGarage.Seat> oneGarage) {
        System.out.printf("%n== Sustained status changes through technician-bff, %d/s asked for %d s, %d jobs ==%n",
                writeRate, seconds, spread.size());
        Workshop workshop = new Workshop(workshopPod, spread, new ConcurrentHashMap<>());
        SettledWarmUp.drive(forSeconds -> workshop.drive(writeRate, forSeconds), workshopPod, customerPod);
        CpuShares cpu = CpuShares.start(SettledWarmUp.pids(workshopPod, customerPod));
        Workshop.Result result = workshop.drive(writeRate, seconds);
        double perSecond = result.ok() / (double) seconds;
        System.out.printf("%d garages: %d ok (%.0f/s), %d failed, %d skipped (job still busy); the write: %s%n  %s%n",
                garages, result.ok(), perSecond, result.failed(), result.skipped(), result.writes().summary(),
                cpu.summary());
        cpu = CpuShares.start(SettledWarmUp.pids(workshopPod, customerPod));
        Workshop.Result alone = new Workshop(workshopPod, oneGarage, new ConcurrentHashMap<>())
                .drive(writeRate, seconds);
        System.out.printf("one garage:  %d ok (%.0f/s), %d failed, %d skipped (job still busy); the write: %s%n  %s%n",
                alone.ok(), alone.ok() / (double) seconds, alone.failed(), alone.skipped(), alone.writes().summary(),
                cpu.summary());
        boolean met = perSecond >= TARGET_WRITES_PER_SECOND * 0.99
                && result.writes().percentileMillis(99) < TARGET_WRITE_P99_MS;
        System.out.printf("target %d status changes/s with p99 < %.0f ms (%.0f/s, p99 %.1f ms): %s%n",
                TARGET_WRITES_PER_SECOND, TARGET_WRITE_P99_MS, perSecond, result.writes().percentileMillis(99),
                met ? "MET" : "NOT MET");
    }


    /** A customer's connection, listening before the handshake so that no message is missed. */
    private static Future<WebSocket> connect(WebSocketClient client, BenchPod pod, String token,
            Handler<String> onText) {
        ClientWebSocket socket = client.webSocket();
        socket.textMessageHandler(onText);
        return socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(pod.port)
                .setURI("/ws/v1/live").addHeader("Authorization", "Bearer " + token));
    }

    /** Connects and completes once the server says the connection is live (its caught-up message). */
    private static Future<WebSocket> connectLive(WebSocketClient client, BenchPod pod, String token,
            Handler<String> onText) {
        Promise<Void> live = Promise.promise();
        return connect(client, pod, token, text -> {
            if (text.contains("\"caught-up\"")) {
                live.tryComplete();
            }
            onText.handle(text);
        }).compose(socket -> live.future().map(socket));
    }

    private static void awaitQuietly(BooleanSupplier done, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static Path app(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value != null && !value.isBlank() ? value : fallback;
    }

    /**
     * Drives status changes through technician-bff at a steady rate, one request at a time per job, as the app sends
     * them.
     */
    private final class Workshop {
        private final HttpClient http;
        private final List<BenchGarage.Seat> seats;
        private final Map<String, Long> sentAt;
        private final long[] versions;
        private final int[] seqs;
        private final boolean[] busy;

        Workshop(BenchPod pod, List<BenchGarage.Seat> seats, Map<String, Long> sentAt) {
            this.http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setDefaultHost("127.0.0.1")
                    .setDefaultPort(pod.port));
            this.seats = seats;
            this.sentAt = sentAt;
            this.versions = new long[seats.size()];
            this.seqs = new int[seats.size()];
            this.busy = new boolean[seats.size()];
        }

        record Result(int ok, int failed, int skipped, Latencies writes) {
        }

        Result drive(int perSecond, int forSeconds) {
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Latencies writes = new Latencies();
            int skipped = 0;
            long interval = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            int next = 0;
            for (int i = 0; i < perSecond * forSeconds; i++) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                int job = freeJob(next);
                if (job < 0) {
                    skipped++;
                    continue;
                }
                next = job + 1;
                send(job, ok, failed, writes);
            }
            awaitQuietly(this::idle, 30);
            return new Result(ok.get(), failed.get(), skipped, writes);
        }

        private synchronized int freeJob(int from) {
            for (int k = 0; k < busy.length; k++) {
                int job = (from + k) % busy.length;
                if (!busy[job]) {
                    busy[job] = true;
                    return job;
                }
            }
            return -1;
        }

        private synchronized boolean idle() {
            for (boolean b : busy) {
                if (b) {
                    return false;
                }
            }
            return true;
        }

        private void send(int job, AtomicInteger ok, AtomicInteger failed, Latencies writes) {
            long version;
            String key;
            synchronized (this) {
                version = versions[job];
                key = seats.get(job).jobId() + ":" + (seqs[job] + 1);
            }
            String status = version % 2 == 0 ? "AWAITING_PARTS" : "IN_PROGRESS";
            long sent = System.nanoTime();
            sentAt.put(key, sent);
            http.request(new RequestOptions().setMethod(HttpMethod.POST)
                            .setURI("/api/v1/jobs/" + seats.get(job).jobId() + "/status")
                            .addHeader("Authorization", "Bearer " + seats.get(job).technicianToken())
                            .addHeader("If-Match", "\"" + version + "\"")
                            // as the technician app asks: it reads the card again itself
                            .addHeader("Prefer", "return=minimal")
                            .addHeader("Content-Type", "application/json"))
                    .compose(request -> request.send("{\"status\": \"" + status + "\"}"))
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(result -> {
                        writes.add(System.nanoTime() - sent);
                        synchronized (this) {
                            if (result.succeeded() && result.result() == 204) {
                                versions[job]++;
                                seqs[job]++;
                                ok.incrementAndGet();
                            } else {
                                sentAt.remove(key);
                                failed.incrementAndGet();
                            }
                            busy[job] = false;
                        }
                    });
        }
    }
}
