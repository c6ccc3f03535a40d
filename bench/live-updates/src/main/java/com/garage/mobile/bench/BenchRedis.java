package com.garage.mobile.bench;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The benchmark's own Redis, and the bare stream round trip the live path is compared with. */
final class BenchRedis {

    private static final String STREAM = "bench:round-trip";

    final int port;
    private final Process process;

    private BenchRedis(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static BenchRedis start(Path logs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        int port = FreePort.next();
        Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(logs.resolve("redis.log").toFile()).start();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                new Socket("127.0.0.1", port).close();
                return new BenchRedis(port, process);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("redis-server did not start");
    }

    /**
     * XADD at the given rate while a second connection blocks in XREAD, as each pod's feed does:
     * the time from before XADD to the entry's arrival at the reader.
     */
    Latencies roundTrips(Vertx vertx, int perSecond, int seconds) throws Exception {
        Latencies trips = new Latencies();
        String url = "redis://127.0.0.1:" + port;
        RedisConnection reader = connect(vertx, url);
        RedisConnection writer = connect(vertx, url);
        int total = perSecond * seconds;
        read(reader, "$", trips, total);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            writer.send(Request.cmd(Command.XADD).arg(STREAM).arg("*").arg("sent").arg(System.nanoTime()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (trips.count() < total && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        reader.close();
        writer.close();
        return trips;
    }

    private static void read(RedisConnection reader, String after, Latencies trips, int remaining) {
        reader.send(Request.cmd(Command.XREAD).arg("BLOCK").arg(0).arg("STREAMS").arg(STREAM).arg(after))
                .onSuccess(reply -> {
                    long received = System.nanoTime();
                    String last = after;
                    int got = 0;
                    for (Response entry : entriesOf(reply)) {
                        last = entry.get(0).toString();
                        trips.add(received - entry.get(1).get(1).toLong());
                        got++;
                    }
                    if (remaining - got > 0) {
                        read(reader, last, trips, remaining - got);
                    }
                });
    }

    /** The entries of our stream in an XREAD reply: a map in RESP3, a list of [stream, entries] in RESP2. */
    private static Response entriesOf(Response reply) {
        return reply.containsKey(STREAM) ? reply.get(STREAM) : reply.get(0).get(1);
    }

    private static RedisConnection connect(Vertx vertx, String url) throws Exception {
        return Redis.createClient(vertx, url).connect().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
