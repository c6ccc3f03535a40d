package com.garage.mobile.platform.security.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Counts calls in sliding windows held as Redis sorted sets (one member per call, scored by
 * Redis' clock). A call is admitted only if every window it counts in has room, and then counted
 * in all of them, atomically in one script, so a refused call uses up nothing.
 */
@ApplicationScoped
public class SlidingWindow {

    static final String SCRIPT = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local window = tonumber(ARGV[1])
            local wait = 0
            for i, key in ipairs(KEYS) do
                redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
                local limit = tonumber(ARGV[2 + i])
                local count = redis.call('ZCARD', key)
                if count >= limit then
                    local oldest = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
                    wait = math.max(wait, tonumber(oldest[2]) + window - now)
                end
            end
            if wait > 0 then
                return wait
            end
            for i, key in ipairs(KEYS) do
                redis.call('ZADD', key, now, ARGV[2])
                redis.call('PEXPIRE', key, window)
            end
            return 0""";
    private static final String SCRIPT_SHA = sha1(SCRIPT);

    private final ReactiveRedisDataSource redis;

    public SlidingWindow(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** One window to count a call in: its Redis key and how many calls it holds. */
    public record Counter(String key, int limit) {
    }

    /** Admits the call and counts it, or says how long to wait until every window has room. */
    public Uni<Duration> admit(List<Counter> counters, Duration window) {
        List<String> arguments = new ArrayList<>();
        arguments.add(Integer.toString(counters.size()));
        counters.forEach(counter -> arguments.add(counter.key()));
        arguments.add(Long.toString(window.toMillis()));
        arguments.add(UUID.randomUUID().toString());
        counters.forEach(counter -> arguments.add(Integer.toString(counter.limit())));
        return run("EVALSHA", SCRIPT_SHA, arguments)
                .onFailure(SlidingWindow::scriptNotCached).recoverWithUni(() -> run("EVAL", SCRIPT, arguments))
                .map(waitMillis -> Duration.ofMillis(waitMillis));
    }

    private Uni<Long> run(String command, String script, List<String> arguments) {
        List<String> args = new ArrayList<>();
        args.add(script);
        args.addAll(arguments);
        return redis.execute(command, args.toArray(String[]::new)).map(response -> response.toLong());
    }

    private static boolean scriptNotCached(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
