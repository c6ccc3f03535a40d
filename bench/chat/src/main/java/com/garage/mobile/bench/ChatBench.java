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
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Chat between two people on different pods: a member of staff sends through technician-bff, the
 * customer receives on customer-bff's live channel; send -> receipt latency at a steady rate,
 * beside a bare Redis stream round trip at the same rate in the same run. Prints; asserts nothing.
 */
public final class ChatBench {

    private static final double TARGET_P99_MS = 50;

    private final Vertx vertx = Vertx.vertx();
    private final int rate = Integer.getInteger("bench.rate", 100);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    /** Long enough for both pods' JIT compilers to finish: with 10 s they still competed with the pods for the CPU. */
    private final int conversations = Integer.getInteger("bench.conversations", 20);
    /**
     * The messages are spread over garages as a deployment's would be; one garage's own pace is a fraction of the
     * rate.
     */
    private final int garages = Integer.getInteger("bench.garages", 10);

    public static void main(String[] args) {
        BenchMain.run(() -> new ChatBench().run());
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path logs = root.resolve("bench/chat/target/logs");
        String jdbcUrl = System.getenv().getOrDefault("BENCH_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:5432/garage_test");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        System.setProperty("smallrye.jwt.sign.key.location", oidcConfig.get("smallrye.jwt.sign.key.location"));
        BenchRedis redis = BenchRedis.start(logs);
        Map<String, String> environment = BenchEnvironment.of(jdbcUrl, redis, oidcConfig);
        List<Pair> pairs = new ArrayList<>();
        for (int g = 0; g < garages; g++) {
            int here = conversations / garages + (g < conversations % garages ? 1 : 0);
            pairs.addAll(pairs(new BenchGarage(jdbcUrl).create(here, here), jdbcUrl));
        }
        BenchPod customerPod = BenchPod.start("customer-bff", app(root, "customer-bff"), "512m", environment, logs);
        BenchPod workshopPod = BenchPod.start("technician-bff", app(root, "technician-bff"), "512m", environment,
                logs);
        Runnable stopVacuums = BenchSchema.vacuumAsAServerWould(jdbcUrl);
        try {
            customerPod.awaitReady();
            workshopPod.awaitReady();
            measure(customerPod, workshopPod, pairs, redis);
        } finally {
            stopVacuums.run();
            customerPod.stop();
            workshopPod.stop();
            redis.stop();
            oidc.stop();
            vertx.close();
        }
    }

    /** A conversation with its customer's token and the token of the technician the advisor added to it. */
    private record Pair(UUID conversationId, String staffToken, String customerToken) {
    }

    private static List<Pair> pairs(BenchGarage garage, String jdbcUrl) throws SQLException {
        List<Pair> pairs = new ArrayList<>();
        List<BenchGarage.Seat> seats = garage.seats();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                PreparedStatement find = db.prepareStatement("select id from chat_conversation where job_id = ?");
                PreparedStatement add = db.prepareStatement("insert into chat_participant (conversation_id, staff_id,"
                        + " garage_id, added_by, added_at) values (?, ?, ?, ?, now())")) {
            for (BenchGarage.Seat seat : seats) {
                find.setObject(1, seat.jobId());
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    UUID conversation = row.getObject(1, UUID.class);
                    add.setObject(1, conversation);
                    add.setObject(2, garage.technicianId);
                    add.setObject(3, garage.id);
                    add.setObject(4, garage.technicianId);
                    add.executeUpdate();
                    pairs.add(new Pair(conversation, seat.technicianToken(), seat.customerToken()));
                }
            }
        }
        return pairs;
    }

    private void measure(BenchPod customerPod, BenchPod workshopPod, List<Pair> pairs, BenchRedis redis)
            throws Exception {
        System.out.printf("%n== Staff send (technician-bff) -> customer WebSocket (customer-bff), %d messages/s for"
                + " %d s over %d conversations in %d garages ==%n", rate, seconds, pairs.size(), garages);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Latencies warmUp = new Latencies();
        Latencies measured = new Latencies();
        AtomicReference<Latencies> recording = new AtomicReference<>(warmUp);
        WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(pairs.size() + 10));
        for (Pair pair : pairs) {
            connectLive(sockets, customerPod, pair.customerToken(), text -> {
                long received = System.nanoTime();
                JsonObject message = new JsonObject(text);
                JsonObject data = message.getJsonObject("data");
                Long sent = "chat.message".equals(message.getString("event")) && data != null
                        ? sentAt.remove(data.getString("messageId")) : null;
                if (sent != null) {
                    recording.get().add(received - sent);
                }
            }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        Sender sender = new Sender(workshopPod, pairs, sentAt);
        SettledWarmUp.drive(forSeconds -> sender.drive(rate, forSeconds), workshopPod, customerPod);
        awaitQuietly(sentAt::isEmpty, 30);
        recording.set(measured);
        CpuShares cpu = CpuShares.start(SettledWarmUp.pids(workshopPod, customerPod));
        Sender.Result result = sender.drive(rate, seconds);
        String cpuUsed = cpu.summary();
        awaitQuietly(sentAt::isEmpty, 30);
        System.out.printf("warm-up, not counted:    %s%n", warmUp.summary());
        System.out.printf("sends: %d ok, %d failed; messages never received: %d%n", result.ok(), result.failed(),
                sentAt.size());
        System.out.printf("send -> receipt:         %s%n", measured.summary());
        System.out.printf("  of which the send:     %s%n", result.sends().summary());
        System.out.printf("  %s%n", cpuUsed);
        Latencies redisTrip = redis.roundTrips(vertx, rate, seconds);
        System.out.printf("Redis XADD -> XREAD:     %s%n", redisTrip.summary());
        System.out.printf("p99 send->receipt / p99 Redis round trip = %.1fx%n",
                measured.percentileMillis(99) / redisTrip.percentileMillis(99));
        System.out.printf("target p99 < %.0f ms: %s%n", TARGET_P99_MS,
                measured.percentileMillis(99) < TARGET_P99_MS ? "MET" : "NOT MET");
        sockets.close();
    }

    /** Completes once the server says the connection is live (its caught-up message). */
    private static Future<?> connectLive(WebSocketClient client, BenchPod pod, String token,
            Handler<String> onText) {
        Promise<Void> live = Promise.promise();
        ClientWebSocket socket = client.webSocket();
        socket.textMessageHandler(text -> {
            if (text.contains("\"caught-up\"")) {
                live.tryComplete();
            }
            onText.handle(text);
        });
        return socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(pod.port)
                .setURI("/ws/v1/live").addHeader("Authorization", "Bearer " + token)).compose(ws -> live.future());
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

    /** Sends messages into the conversations' customer channels at a steady rate, round robin. */
    private final class Sender {
        private final HttpClient http;
        private final List<Pair> pairs;
        private final Map<String, Long> sentAt;

        Sender(BenchPod pod, List<Pair> pairs, Map<String, Long> sentAt) {
            this.http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setDefaultHost("127.0.0.1")
                    .setDefaultPort(pod.port));
            this.pairs = pairs;
            this.sentAt = sentAt;
        }

        record Result(int ok, int failed, Latencies sends) {
        }

        Result drive(int perSecond, int forSeconds) {
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger pending = new AtomicInteger();
            Latencies sends = new Latencies();
            long interval = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            for (int i = 0; i < perSecond * forSeconds; i++) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                pending.incrementAndGet();
                send(pairs.get(i % pairs.size()), ok, failed, sends).onComplete(done -> pending.decrementAndGet());
            }
            awaitQuietly(() -> pending.get() == 0, 30);
            return new Result(ok.get(), failed.get(), sends);
        }

        private Future<Integer> send(Pair pair, AtomicInteger ok, AtomicInteger failed, Latencies sends) {
            String messageId = UUID.randomUUID().toString();
            long sent = System.nanoTime();
            sentAt.put(messageId, sent);
            return http.request(new RequestOptions().setMethod(HttpMethod.PUT)
                            .setURI("/api/v1/chat/conversations/" + pair.conversationId() + "/messages/" + messageId)
                            .addHeader("Authorization", "Bearer " + pair.staffToken())
                            .addHeader("Content-Type", "application/json"))
                    .compose(request -> request.send("{\"channel\": \"CUSTOMER\", \"text\": \"Your car is ready.\"}"))
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(result -> {
                        sends.add(System.nanoTime() - sent);
                        if (result.succeeded() && result.result() == 201) {
                            ok.incrementAndGet();
                        } else {
                            sentAt.remove(messageId);
                            failed.incrementAndGet();
                        }
                    });
        }
    }
}
