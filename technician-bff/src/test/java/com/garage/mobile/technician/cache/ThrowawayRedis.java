package com.garage.mobile.technician.cache;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A Redis of the test's own ({@code redis-server} on a free port, no persistence) that the test
 * stops and starts again, while the app keeps running. The shared Redis is never touched.
 */
public class ThrowawayRedis implements QuarkusTestProfile {

    private static final Path DATA = dataDirectory();
    private static int port;
    private static Process server;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // No relay: its republished events would evict too, and hide what the cache does by itself. A read's Redis
        // budget as in production, which the tests' stalls overrun (the test profile gives reads 1 s).
        return Map.of("garage.cache.retry-after", "200ms", "garage.events.relay-interval", "1h",
                "garage.cache.redis-timeout", "150ms");
    }

    /** Starts the server before the app, on a port chosen once. */
    public static class Server implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            port = freePort();
            ThrowawayRedis.start();
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        }

        @Override
        public void stop() {
            ThrowawayRedis.stop();
        }
    }

    static synchronized void start() {
        try {
            server = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", DATA.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Awaitility.await("redis-server accepting connections").atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> {
                        new Socket("127.0.0.1", port).close();
                        return true;
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server as a restart does, keeping its data for the next {@link #start()}. */
    static synchronized void stopKeepingData() {
        try {
            new ProcessBuilder("redis-cli", "-p", String.valueOf(port), "shutdown", "save")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(10, TimeUnit.SECONDS);
            server.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Files.exists(DATA.resolve("dump.rdb"))) {
            throw new IllegalStateException("redis-server kept no data");
        }
        server = null;
    }

    /** Makes the server hold every client's commands for a while, as a busy or stalled Redis does; returns at once. */
    static void stall(Duration duration) {
        cli("client", "pause", Long.toString(duration.toMillis()), "ALL");
    }

    /** The value of a key, "" when it has none. */
    static String get(String key) {
        return cli("get", key).strip();
    }

    private static String cli(String... command) {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
        line.addAll(List.of(command));
        try {
            Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(10, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                throw new IllegalStateException("redis-cli " + String.join(" ", command) + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and forgets its data. */
    static synchronized void stop() {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            server.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(DATA.resolve("dump.rdb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory("throwaway-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
