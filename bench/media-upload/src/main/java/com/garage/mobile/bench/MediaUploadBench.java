package com.garage.mobile.bench;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Media uploads on this machine's loopback, with the packaged technician-bff and s3proxy: a 200 MB
 * video in 5 MB tus chunks through the BFF beside a direct multipart upload of the same bytes to
 * s3proxy in the same run, the BFF's heap during the upload, and 10 concurrent uploads. Prints
 * figures; asserts nothing.
 */
public final class MediaUploadBench {

    private static final int MB = 1024 * 1024;
    private static final double TARGET_RATIO = 0.7;
    private static final long TARGET_HEAP = 64L * MB;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.valueOf(
            System.getProperty("bench.http", "HTTP_1_1"))).build();

    private final int videoMb = Integer.getInteger("bench.video-mb", 200);
    private final int chunkMb = Integer.getInteger("bench.chunk-mb", 5);
    private final int concurrent = Integer.getInteger("bench.concurrent", 10);
    private final int concurrentMb = Integer.getInteger("bench.concurrent-mb", 30);
    private final int rounds = Integer.getInteger("bench.rounds", 7);

    public static void main(String[] args) {
        BenchMain.run(() -> new MediaUploadBench().run());
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/media-upload/target");
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        String jdbcUrl = System.getenv().getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/garage_test");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        System.setProperty("smallrye.jwt.sign.key.location", oidcConfig.get("smallrye.jwt.sign.key.location"));
        BenchRedis redis = BenchRedis.start(logs);
        BenchS3Proxy store = BenchS3Proxy.start(root, work);
        BenchGarage garage = new BenchGarage(jdbcUrl).create(concurrent, concurrent);
        Map<String, String> environment = BenchEnvironment.of(jdbcUrl, redis, oidcConfig);
        environment.putAll(Map.of("MEDIA_BUCKET", BenchS3Proxy.BUCKET, "MEDIA_S3_ENDPOINT", store.endpoint(),
                "MEDIA_S3_PATH_STYLE", "true", "MEDIA_S3_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", BenchS3Proxy.IDENTITY, "AWS_SECRET_ACCESS_KEY", BenchS3Proxy.CREDENTIAL));
        // Extra settings for the pod, e.g. -Dbench.env=QUARKUS_S3_CHUNKED_ENCODING=false
        for (String setting : System.getProperty("bench.env", "").split(",")) {
            if (setting.contains("=")) {
                int equals = setting.indexOf('=');
                environment.put(setting.substring(0, equals), setting.substring(equals + 1));
            }
        }
        BenchPod pod = BenchPod.start("technician-bff",
                root.resolve("technician-bff/target/quarkus-app/quarkus-run.jar"),
                System.getProperty("bench.heap", "512m"), environment, logs);
        String token = BenchTokens.of(garage.technicianSubject, garage.id, "technician", "technician-bff");
        String base = "http://127.0.0.1:" + pod.port;
        try (S3Client s3 = store.client()) {
            pod.awaitReady();
            byte[] video = video(videoMb * MB, 1);
            upload(base, token, garage.jobIds.get(0), video(20 * MB, 99)); // warm-up, both ways
            directSeconds(s3, video(20 * MB, 98), work);
            // Rounds alternate the two ways, so that whatever else the machine does falls on both; medians are
            // compared. Timed alone: the heap sampler starts a JVM (jcmd) every 200 ms, which the baseline never pays.
            double[] directs = new double[rounds];
            double[] throughBffs = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                directs[round] = directSeconds(s3, video, work);
                long start = System.nanoTime();
                upload(base, token, garage.jobIds.get(0), video);
                throughBffs[round] = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: direct %.2f s, through the BFF %.2f s (%.2fx)%n", round + 1,
                        directs[round], throughBffs[round], directs[round] / throughBffs[round]);
            }
            double direct = median(directs);
            double throughBff = median(throughBffs);
            long heapBefore = pod.heapAfterGc();
            HeapWatch watch = HeapWatch.start(pod);
            String location = upload(base, token, garage.jobIds.get(1), video);
            long[] peaks = watch.stop();
            long heapAfter = pod.heapAfterGc();
            double ratio = direct / throughBff;
            System.out.printf("%n== Media upload: %d MB video, %d MB chunks (loopback, this machine) ==%n", videoMb,
                    chunkMb);
            System.out.printf("direct multipart to s3proxy  %7.2f s  %7.1f MB/s  (baseline, median of %d)%n", direct,
                    videoMb / direct, rounds);
            System.out.printf("tus through technician-bff   %7.2f s  %7.1f MB/s  = %.2fx the baseline (median of %d;"
                    + " target >= %.1fx: %s)%n", throughBff, videoMb / throughBff, ratio, rounds, TARGET_RATIO,
                    ratio >= TARGET_RATIO ? "MET" : "NOT MET");
            long growth = peaks[1] - heapBefore;
            System.out.printf("BFF heap (after a full GC) before %d MB, after %d MB; during the upload: peak in use"
                    + " %d MB (young garbage included), peak beyond the young generation %d MB: growth %d MB (target"
                    + " < 64 MB: %s)%n", heapBefore / MB, heapAfter / MB, peaks[0] / MB, peaks[1] / MB, growth / MB,
                    growth < TARGET_HEAP && heapAfter - heapBefore < TARGET_HEAP ? "MET" : "NOT MET");
            System.out.printf("stored as %s%n", location);
            concurrentUploads(base, token, garage, jdbcUrl);
        } finally {
            pod.stop();
            store.stop();
            redis.stop();
            oidc.stop();
        }
    }

    /** The same bytes straight to the store as a multipart upload of part files, as the BFF sends them. */
    private double directSeconds(S3Client s3, byte[] video, Path work) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int offset = 0; offset < video.length; offset += chunkMb * MB) {
            Path part = work.resolve("direct-part-" + files.size());
            Files.write(part, Arrays.copyOfRange(video, offset, Math.min(video.length, offset + chunkMb * MB)));
            files.add(part);
        }
        long start = System.nanoTime();
        String key = "direct/" + UUID.randomUUID();
        String multipart = s3.createMultipartUpload(r -> r.bucket(BenchS3Proxy.BUCKET).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int number = i + 1;
            String etag = s3.uploadPart(r -> r.bucket(BenchS3Proxy.BUCKET).key(key).uploadId(multipart)
                    .partNumber(number), RequestBody.fromFile(files.get(i))).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(r -> r.bucket(BenchS3Proxy.BUCKET).key(key).uploadId(multipart)
                .multipartUpload(u -> u.parts(parts)));
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Path file : files) {
            Files.delete(file);
        }
        return seconds;
    }

    private void concurrentUploads(String base, String token, BenchGarage garage, String jdbcUrl) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        List<Future<String>> uploads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < concurrent; i++) {
            UUID job = garage.jobIds.get(i);
            byte[] bytes = video(concurrentMb * MB, 100 + i);
            uploads.add(pool.submit(() -> upload(base, token, job, bytes)));
        }
        int completed = 0;
        List<UUID> ids = new ArrayList<>();
        for (Future<String> upload : uploads) {
            String location = upload.get();
            ids.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
            completed++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long stored = awaitStored(jdbcUrl, ids);
        System.out.printf("%d concurrent uploads of %d MB: %d of %d complete in %.2f s (%.1f MB/s together);"
                + " %d of %d checked and STORED (target: all complete: %s)%n", concurrent, concurrentMb, completed,
                concurrent, seconds, concurrent * concurrentMb / seconds, stored, concurrent,
                completed == concurrent && stored == concurrent ? "MET" : "NOT MET");
    }

    private long awaitStored(String jdbcUrl, List<UUID> ids) throws Exception {
        long stored = 0;
        for (int i = 0; i < 240 && stored < ids.size(); i++) {
            try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage");
                    PreparedStatement count = db.prepareStatement(
                            "select count(*) from media where status = 'STORED' and id = any(?)")) {
                count.setArray(1, db.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    stored = rows.getLong(1);
                }
            }
            Thread.sleep(500);
        }
        return stored;
    }

    /** A tus upload of the bytes as a video of the job, in chunks; answers its location. */
    private String upload(String base, String token, UUID job, byte[] bytes) throws Exception {
        String metadata = "targetType " + b64("job") + ",targetId " + b64(job.toString()) + ",kind " + b64("video")
                + ",contentType " + b64("video/mp4") + ",clientMediaId " + b64(UUID.randomUUID().toString());
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads"))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(bytes.length)).header("Upload-Metadata", metadata)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creation: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        for (int offset = 0; offset < bytes.length; offset += chunkMb * MB) {
            int length = Math.min(chunkMb * MB, bytes.length - offset);
            HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Offset", String.valueOf(offset))
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes, offset, length)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (patched.statusCode() != 204) {
                throw new IllegalStateException("chunk at " + offset + ": " + patched.statusCode() + " "
                        + patched.body());
            }
        }
        return location;
    }

    /** An MP4 header ("ftyp", brand mp42) and random bytes. */
    private static byte[] video(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2', 'i',
                's', 'o', 'm'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Samples the pod's heap (no forced collection) while an upload runs; answers the peaks of all in
     * use and of what lies beyond the young generation.
     */
    private static final class HeapWatch {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakBeyondYoung = new AtomicLong();
        private final Thread thread;

        private HeapWatch(BenchPod pod) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        peak.accumulateAndGet(pod.heapInUse(), Math::max);
                        peakBeyondYoung.accumulateAndGet(pod.heapBeyondYoung(), Math::max);
                        Thread.sleep(200);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }

        static HeapWatch start(BenchPod pod) {
            HeapWatch watch = new HeapWatch(pod);
            watch.thread.start();
            return watch;
        }

        long[] stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return new long[] {peak.get(), peakBeyondYoung.get()};
        }
    }
}
