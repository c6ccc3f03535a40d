package com.garage.mobile.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** A Redis of the test's own, without persistence, that the test may stop and start again. */
final class PrivateRedis {

    final int port = FreePorts.next();
    private final Path log;
    private Process process;

    PrivateRedis(Path log) {
        this.log = log;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() {
        try {
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server must be installed (apt-get install redis-server)", e);
        }
        Awaitility.await("redis up").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            new Socket("127.0.0.1", port).close();
            return true;
        });
    }

    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
