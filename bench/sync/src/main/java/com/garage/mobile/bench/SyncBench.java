package com.garage.mobile.bench;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Delta sync on this machine's loopback, with the packaged apps: a technician's first sync of 500
 * jobs, a customer's of 20, and an incremental sync of 100 changes, each beside the health
 * endpoint measured in the same run. Prints figures; asserts nothing.
 */
public final class SyncBench {

    private static final double TARGET_INCREMENTAL_MS = 50;
    private static final long TARGET_INITIAL_BYTES = 300 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int technicianJobs = Integer.getInteger("bench.jobs", 500);
    private final int customerJobs = Integer.getInteger("bench.customer-jobs", 20);
    private final int changes = Integer.getInteger("bench.changes", 100);
    private final int rounds = Integer.getInteger("bench.rounds", 10);
    private final int limit = Integer.getInteger("bench.limit", 500);
    private final int bayJobs = Integer.getInteger("bench.bay-jobs", 50);

    public static void main(String[] args) {
        BenchMain.run(() -> new SyncBench().run());
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path logs = root.resolve("bench/sync/target/logs");
        String jdbcUrl = env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/garage_test");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        System.setProperty("smallrye.jwt.sign.key.location", oidcConfig.get("smallrye.jwt.sign.key.location"));
        BenchRedis redis = BenchRedis.start(logs);
        Map<String, String> environment = BenchEnvironment.of(jdbcUrl, redis, oidcConfig);
        BenchGarage garage = new BenchGarage(jdbcUrl).create(technicianJobs, technicianJobs);
        UUID customer = garage.customerIds.get(0);
        furnish(jdbcUrl, garage, customer);
        BenchGarage jobsOnly = new BenchGarage(jdbcUrl).create(bayJobs, bayJobs);
        BenchGarage bay = new BenchGarage(jdbcUrl).create(bayJobs, bayJobs);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage")) {
            db.setAutoCommit(false);
            furnishJobs(db, jobsOnly);
            furnishJobs(db, bay);
            BayRecords.add(db, bay.id, bay.technicianId);
            db.commit();
        }
        BenchSchema.analyze(jdbcUrl);
        BenchPod technicianPod = BenchPod.start("technician-bff", app(root, "technician-bff"), "512m", environment,
                logs);
        BenchPod customerPod = BenchPod.start("customer-bff", app(root, "customer-bff"), "512m", environment, logs);
        try {
            technicianPod.awaitReady();
            customerPod.awaitReady();
            String technicianToken = BenchTokens.of(garage.technicianSubject, garage.id, "technician",
                    "technician-bff");
            String customerToken = BenchTokens.of(BenchGarage.customerSubject(customer), garage.id, "customer",
                    "customer-bff");
            for (int i = 0; i < 3; i++) {
                fullSync(technicianPod, technicianToken, false);
                fullSync(customerPod, customerToken, false);
                health(technicianPod, 200);
            }
            double healthMs = health(technicianPod, 1000);
            double healthPerSecond = 1000 / healthMs;
            System.out.printf("%n== Baseline: GET /q/health/live on technician-bff, one at a time ==%n");
            System.out.printf("median %.2f ms, %.0f requests/s%n", healthMs, healthPerSecond);
            double navigationMs = navigation(technicianPod, technicianToken, 200);
            System.out.printf("(for scale: GET /api/v1/navigation with a token, no database: median %.2f ms ="
                    + " %.1fx a health request)%n", navigationMs, navigationMs / healthMs);

            Sync technician = initial("Technician, " + technicianJobs + " jobs", technicianPod, technicianToken,
                    healthMs);
            initial("Customer, " + customerJobs + " jobs, vehicles, profile", customerPod, customerToken, healthMs);
            incremental(jdbcUrl, garage, technicianPod, technicianToken, technician.cursor, healthMs);
            bayComparison(technicianPod, jobsOnly, bay, healthMs);
            System.out.printf("%nTargets: initial sync of %d jobs under 300 KB compressed: %s (%.1f KB);"
                    + " incremental sync of %d changes under 50 ms server time: see above.%n",
                    technicianJobs, technician.gzipBytes < TARGET_INITIAL_BYTES ? "MET" : "NOT MET",
                    technician.gzipBytes / 1024.0, changes);
        } finally {
            technicianPod.stop();
            customerPod.stop();
            redis.stop();
            oidc.stop();
        }
    }

    /** Gives every job steps, estimate lines and a note, and the first customer {@code customerJobs} jobs. */
    private void furnish(String jdbcUrl, BenchGarage garage, UUID customer) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage")) {
            db.setAutoCommit(false);
            for (int i = 1; i < customerJobs; i++) {
                UUID vehicle = UUID.randomUUID();
                run(db, "insert into vehicle (id, garage_id, customer_id, vin, make, model, registration_plate)"
                        + " values (?, ?, ?, ?, 'Skoda', 'Octavia', 'SY21 ABC')", vehicle, garage.id, customer,
                        "TMBXTRA" + String.format("%010d", i));
                run(db, "insert into job_card (id, garage_id, number, customer_id, vehicle_id, status, concern,"
                        + " closed_at) values (?, ?, ?, ?, ?, 'CLOSED', 'Annual service and MOT', now())",
                        UUID.randomUUID(), garage.id, 100_000 + i, customer, vehicle);
            }
            furnishJobs(db, garage);
            db.commit();
        }
    }

    /** Gives every job of the garage a concern, four steps, three estimate lines and a note. */
    private static void furnishJobs(Connection db, BenchGarage garage) throws SQLException {
        run(db, "update job_card set concern = 'Grinding noise from the front left wheel when braking at low"
                + " speed; customer also reports a pull to the right' where garage_id = ?", garage.id);
        run(db, "insert into job_step (id, garage_id, job_id, position, title, status) select gen_random_uuid(),"
                + " j.garage_id, j.id, p, (array['Road test', 'Inspect brakes', 'Replace pads and discs',"
                + " 'Final check'])[p + 1], 'PENDING' from job_card j, generate_series(0, 3) p"
                + " where j.garage_id = ?", garage.id);
        run(db, "insert into estimate_line (id, garage_id, job_id, position, kind, description, part_number,"
                + " quantity, unit_price_minor, cost_price_minor, tax_rate_bp) select gen_random_uuid(),"
                + " j.garage_id, j.id, p, case when p = 0 then 'LABOUR' else 'PART' end,"
                + " (array['Labour: brake service', 'Front brake pads (set)', 'Front brake discs (pair)'])[p + 1],"
                + " case when p = 0 then null else 'BP-' || p || '-2231' end, 1, 4500 + p * 1000, 2000, 2000"
                + " from job_card j, generate_series(0, 2) p where j.garage_id = ?", garage.id);
        run(db, "insert into job_note (id, garage_id, job_id, author_staff_id, visibility, body)"
                + " select gen_random_uuid(), j.garage_id, j.id, ?, 'CUSTOMER', 'Pads at 3 mm, discs scored:"
                + " both need replacing. Parts arrive tomorrow morning.' from job_card j where j.garage_id = ?",
                garage.technicianId, garage.id);
    }

    /**
     * A technician's first sync of {@code bench.bay-jobs} jobs, plain, and the same number of jobs
     * that also carry the bay's records (an inspection, time entries, parts used, a part request,
     * photos), in the same run.
     */
    private void bayComparison(BenchPod pod, BenchGarage jobsOnly, BenchGarage bay, double healthMs)
            throws Exception {
        String plainToken = BenchTokens.of(jobsOnly.technicianSubject, jobsOnly.id, "technician", "technician-bff");
        String bayToken = BenchTokens.of(bay.technicianSubject, bay.id, "technician", "technician-bff");
        for (int i = 0; i < 3; i++) {
            fullSync(pod, plainToken, false);
            fullSync(pod, bayToken, false);
        }
        Sync plain = initial("Technician, " + bayJobs + " jobs (baseline: jobs only)", pod, plainToken, healthMs);
        Sync withBay = initial("Technician, " + bayJobs + " jobs with " + BayRecords.DESCRIPTION, pod, bayToken,
                healthMs);
        System.out.printf("%n== The bay's records in a first sync (%d jobs) ==%n", bayJobs);
        System.out.printf("%-28s %10s %10s %12s %14s%n", "", "records", "gzip KB", "median ms", "server ms");
        System.out.printf("%-28s %10d %10.1f %12.1f %14.1f%n", "jobs only (baseline)", plain.records,
                plain.gzipBytes / 1024.0, plain.millis, plain.serverMillis);
        System.out.printf("%-28s %10d %10.1f %12.1f %14.1f%n", "jobs with the bay's records", withBay.records,
                withBay.gzipBytes / 1024.0, withBay.millis, withBay.serverMillis);
        System.out.printf("ratio: %.1fx the bytes (gzip), %.1fx the time, %.1fx the server time%n",
                (double) withBay.gzipBytes / plain.gzipBytes, withBay.millis / plain.millis,
                withBay.serverMillis / plain.serverMillis);
    }

    /** What a full sync cost. */
    private record Sync(String cursor, int pages, int records, long plainBytes, long gzipBytes, boolean serverGzip,
            double millis, double serverMillis) {
    }

    private Sync initial(String title, BenchPod pod, String token, double healthMs) throws Exception {
        List<Double> times = new ArrayList<>();
        List<Double> serverTimes = new ArrayList<>();
        Sync plain = null;
        for (int i = 0; i < 5; i++) {
            plain = fullSync(pod, token, false);
            times.add(plain.millis);
            serverTimes.add(plain.serverMillis);
        }
        Sync gzip = fullSync(pod, token, true);
        double median = median(times);
        System.out.printf("%n== Initial sync: %s (limit %d) ==%n", title, limit);
        System.out.printf("%d records in %d pages; median %.1f ms over 5 runs = %.0fx a health request%n",
                plain.records, plain.pages, median, median / healthMs);
        System.out.printf("bytes: plain %.1f KB; with Accept-Encoding: gzip %.1f KB on the wire (%s), %.1f%%%n",
                plain.plainBytes / 1024.0, gzip.gzipBytes / 1024.0,
                gzip.serverGzip ? "compressed by the server" : "NOT compressed by the server, gzipped here",
                100.0 * gzip.gzipBytes / plain.plainBytes);
        return new Sync(plain.cursor, plain.pages, plain.records, plain.plainBytes, gzip.gzipBytes, gzip.serverGzip,
                median, median(serverTimes));
    }

    private Sync fullSync(BenchPod pod, String token, boolean gzip) throws Exception {
        String cursor = null;
        int pages = 0;
        int records = 0;
        long wire = 0;
        boolean serverGzip = true;
        double serverMillis = 0;
        long started = System.nanoTime();
        boolean more = true;
        while (more) {
            Page page = get(pod, token, cursor, gzip);
            pages++;
            records += page.body.getJsonArray("upserts").size();
            wire += page.wireBytes;
            serverGzip &= page.compressed;
            serverMillis += page.serverMillis;
            cursor = page.body.getString("cursor");
            more = page.body.getBoolean("hasMore");
        }
        double millis = (System.nanoTime() - started) / 1e6;
        return new Sync(cursor, pages, records, wire, wire, gzip && serverGzip, millis, serverMillis);
    }

    private void incremental(String jdbcUrl, BenchGarage garage, BenchPod pod, String token, String cursor,
            double healthMs) throws Exception {
        List<Double> loopback = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        List<Double> logPart = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        String at = cursor;
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Page page = get(pod, token, at, false);
            idle.add(page.serverMillis);
            at = page.body.getString("cursor");
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage")) {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < changes; i++) {
                    run(db, "update job_card set mileage_in_km = ? where id = ?", round * 1000 + i,
                            garage.jobIds.get((round * changes + i) % garage.jobIds.size()));
                }
                long started = System.nanoTime();
                Page page = get(pod, token, at, false);
                loopback.add((System.nanoTime() - started) / 1e6);
                server.add(page.serverMillis);
                logPart.add(page.logMillis);
                delivered.add(page.body.getJsonArray("upserts").size());
                at = page.body.getString("cursor");
            }
        }
        double serverMedian = median(server);
        System.out.printf("%n== Incremental sync of %d changed jobs (technician, %d rounds) ==%n", changes, rounds);
        System.out.printf("records delivered per round: %s%n", delivered);
        System.out.printf("a sync with nothing new: median %.1f ms server time%n", median(idle));
        System.out.printf("loopback request: median %.1f ms, max %.1f ms = %.0fx a health request%n",
                median(loopback), Collections.max(loopback), median(loopback) / healthMs);
        System.out.printf("server time (Server-Timing): median %.1f ms, max %.1f ms = %.0fx a health request%n",
                serverMedian, Collections.max(server), serverMedian / healthMs);
        System.out.printf("of which reading the change log, scope and checksum: median %.1f ms; the rest loads"
                + " and shapes the records%n", median(logPart));
        System.out.printf("target: under %.0f ms server time: %s%n", TARGET_INCREMENTAL_MS,
                serverMedian < TARGET_INCREMENTAL_MS ? "MET" : "NOT MET");
    }

    /** One page as received: its body, its size on the wire, whether the server compressed it. */
    private record Page(JsonObject body, long wireBytes, boolean compressed, double serverMillis, double logMillis) {
    }

    private Page get(BenchPod pod, String token, String cursor, boolean gzip) throws Exception {
        String query = "limit=" + limit + (cursor != null ? "&cursor=" + URLEncoder.encode(cursor,
                StandardCharsets.UTF_8) : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pod.port
                + "/api/v1/sync?" + query)).header("Authorization", "Bearer " + token);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sync answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        byte[] wire = response.body();
        boolean compressed = response.headers().firstValue("Content-Encoding").orElse("").contains("gzip");
        byte[] json = compressed ? new GZIPInputStream(new ByteArrayInputStream(wire)).readAllBytes() : wire;
        long wireBytes = gzip && !compressed ? gzip(json) : wire.length;
        String timing = response.headers().firstValue("Server-Timing").orElse("");
        return new Page(new JsonObject(new String(json, StandardCharsets.UTF_8)), wireBytes, compressed,
                timing(timing, "sync"), timing(timing, "log"));
    }

    /** One metric of a {@code Server-Timing} header, in ms (NaN if absent). */
    private static double timing(String header, String metric) {
        var match = java.util.regex.Pattern.compile("(?:^|,)\\s*" + metric + ";dur=([0-9.]+)").matcher(header);
        return match.find() ? Double.parseDouble(match.group(1)) : Double.NaN;
    }

    /** Median latency of the health endpoint over {@code count} requests, one at a time, in ms. */
    private static double health(BenchPod pod, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pod.port + "/q/health/live"))
                .build();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            times.add((System.nanoTime() - started) / 1e6);
        }
        return median(times);
    }

    /** Median latency of an authenticated endpoint that reads no database, in ms. */
    private static double navigation(BenchPod pod, String token, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pod.port + "/api/v1/navigation"))
                .header("Authorization", "Bearer " + token).build();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            times.add((System.nanoTime() - started) / 1e6);
        }
        return median(times);
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static void run(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Path app(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value != null && !value.isBlank() ? value : fallback;
    }
}
