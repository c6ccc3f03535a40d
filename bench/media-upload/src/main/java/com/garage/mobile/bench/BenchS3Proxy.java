package com.garage.mobile.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** s3proxy with its filesystem store under target/, started from the jar the technician-bff build copies. */
final class BenchS3Proxy {

    static final String IDENTITY = "bench-identity";
    static final String CREDENTIAL = "bench-credential";
    static final String BUCKET = "bench-media";

    final int port;
    private final Process process;

    private BenchS3Proxy(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static BenchS3Proxy start(Path root, Path work) throws IOException, InterruptedException {
        Path jar = root.resolve("technician-bff/target/s3proxy/s3proxy.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build technician-bff first (see README)");
        }
        int port = FreePort.next();
        Path store = work.resolve("s3proxy-store");
        // Each run starts empty: gigabytes left by earlier runs slow the store down and skew the baseline.
        if (Files.exists(store)) {
            try (Stream<Path> old = Files.walk(store)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(store.resolve(BUCKET));
        Path settings = work.resolve("s3proxy.conf");
        Files.write(settings, List.of("s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL, "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + store));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--properties", settings.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
        for (int i = 0; i < 240; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new BenchS3Proxy(port, process);
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        process.destroy();
        throw new IllegalStateException("s3proxy did not start; see " + work.resolve("s3proxy.log"));
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    S3Client client() {
        // As the BFF's client: the same HTTP client, and checksums only where S3 requires them.
        return S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true).httpClient(ApacheHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .build();
    }

    void stop() {
        process.destroy();
    }
}
