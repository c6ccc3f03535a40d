package com.garage.mobile.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A pod's own counters from {@code /q/metrics}: SQL statements completed by the reactive pool, Redis
 * commands sent, the seconds spent waiting for a pooled SQL connection, and the CPU seconds of the
 * whole process (its compiler and collector threads too).
 */
record Counters(double sql, double redis, double poolWaitSeconds, double cpuSeconds) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Counters of(BenchPod pod) throws IOException, InterruptedException {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pod.port + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return new Counters(sum(metrics, "postgresql_completed_total{"), sum(metrics, "redis_commands_count_total{"),
                sum(metrics, "postgresql_queue_delay_seconds_sum{"), sum(metrics, "process_cpu_time_ns_total ") / 1e9);
    }

    Counters minus(Counters other) {
        return new Counters(sql - other.sql, redis - other.redis, poolWaitSeconds - other.poolWaitSeconds,
                cpuSeconds - other.cpuSeconds);
    }

    Counters per(int requests) {
        return new Counters(sql / requests, redis / requests, poolWaitSeconds / requests, cpuSeconds / requests);
    }

    private static double sum(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
