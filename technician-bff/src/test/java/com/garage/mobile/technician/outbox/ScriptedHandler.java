package com.garage.mobile.technician.outbox;

import com.garage.mobile.platform.outbox.OutboundHandler;
import com.garage.mobile.platform.outbox.OutboundWork;
import com.garage.mobile.platform.outbox.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A kind of outbound work that exists only in tests: each item answers as the test scripted it
 * (by dedupe key), then is delivered. Items on route {@link #PAUSED} are never claimed.
 */
@ApplicationScoped
public class ScriptedHandler implements OutboundHandler {

    public static final String KIND = "test-scripted";
    public static final String PAUSED = "paused";

    private final Map<String, Queue<Supplier<Uni<Outcome>>>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<String> pausedRoutes() {
        return Set.of(PAUSED);
    }

    @Override
    public Uni<Outcome> handle(OutboundWork work) {
        calls.computeIfAbsent(work.dedupeKey(), key -> new AtomicInteger()).incrementAndGet();
        Supplier<Uni<Outcome>> next = scripts.getOrDefault(work.dedupeKey(), new ConcurrentLinkedQueue<>()).poll();
        return next != null ? next.get() : Uni.createFrom().item(new Outcome.Delivered("done-" + work.id()));
    }

    @Override
    public Map<String, Object> summary(JsonObject payload) {
        return Map.of("subject", payload.getString("subject"));
    }

    /** The answers of the item's next attempts, in order. */
    public void script(String dedupeKey, List<Supplier<Uni<Outcome>>> answers) {
        scripts.computeIfAbsent(dedupeKey, key -> new ConcurrentLinkedQueue<>()).addAll(answers);
    }

    /** How often the item was handed to this handler. */
    public int calls(String dedupeKey) {
        AtomicInteger count = calls.get(dedupeKey);
        return count != null ? count.get() : 0;
    }
}
