package com.garage.mobile.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real S3-compatible object store for tests: s3proxy with its filesystem store, started as a
 * child process on a free port from the jar the build copies into {@code target/s3proxy}
 * (maven-dependency-plugin in each BFF's pom). The bucket is a directory made before it starts.
 * A test may declare a field of this type to take the store down and bring it back ({@link #stopStore},
 * {@link #startStore}): the same port and files, unreachable in between.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String IDENTITY = "test-identity";
    public static final String CREDENTIAL = "test-credential";
    public static final String BUCKET = "garage-media-test";
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");

    private Process process;
    private Path directory;
    private Path settings;
    private int port;

    @Override
    public Map<String, String> start() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the build (mvn verify), which"
                    + " copies org.gaul:s3proxy there");
        }
        try {
            port = freePort();
            directory = Files.createTempDirectory("s3proxy-");
            Files.createDirectories(directory.resolve("store").resolve(BUCKET));
            settings = directory.resolve("s3proxy.conf");
            Files.writeString(settings, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + directory.resolve("store")));
            startStore();
            return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:" + port,
                    "quarkus.s3.aws.credentials.static-provider.access-key-id", IDENTITY,
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key", CREDENTIAL,
                    "garage.media.bucket", BUCKET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.MatchesType(S3ProxyResource.class));
    }

    /** Takes the store down: connections to it are refused until {@link #startStore}. */
    public void stopStore() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the store on its port, over the files it had. */
    public void startStore() {
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                    "--properties", settings.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("s3proxy.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPort(port);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitPort(int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy stopped; see " + directory.resolve("s3proxy.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("s3proxy did not listen on " + port + " within 60 s");
    }
}
