package com.garage.mobile.platform.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Hot payloads in Redis, under {@code garage:cache:v1:<owner>:<epoch>.<generation>:<payload>:<variant>}.
 * The generation is read before loading, so a load that raced with an eviction lands under the
 * old generation, which nobody reads any more. A hit is one round trip: the pod remembers the
 * epoch and generation it last found for each owner, and reads the payload kept under them in the
 * same {@code MGET} as the current ones; only if they moved does it read again. The pod keeps a copy of
 * the payloads it read, each with the tag stored beside the payload in Redis, and while the tag read
 * with the counters is the copy's, the {@code MGET} leaves the payload out. An eviction that
 * failed, timed out or was skipped in an outage may be lost, so the pod that lost one moves the
 * global epoch on when Redis next answers, which abandons every payload stored before it; a read
 * that failed or was slow abandons nothing.
 * Concurrent misses of one key load once: within the pod they share the load in flight, across
 * pods the one holding a short Redis lock loads while the others poll the key briefly, then load
 * themselves. Any Redis failure or timeout sends the read to PostgreSQL: the cache can make a read
 * faster, never wrong or failed.
 */
@ApplicationScoped
public class HotPayloadCache {

    static final String PREFIX = "garage:cache:v1:";
    private static final String EPOCH = PREFIX + "epoch";
    private static final Logger LOG = Logger.getLogger(HotPayloadCache.class);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int REMEMBERED_OWNERS = 10_000;
    private static final String EVICT = "for _, key in ipairs(KEYS) do redis.call('incr', key) end return #KEYS";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then"
            + " return redis.call('del', KEYS[1]) else return 0 end";

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, byte[]> values;
    private final ObjectMapper json;
    private final CacheConfig config;
    private final CacheMetrics metrics;
    private final RedisHealth health;
    private final ConcurrentHashMap<String, Uni<?>> inFlight = new ConcurrentHashMap<>();
    /** Per owner, the {@code <epoch>.<generation>} its payloads were last found under in this pod. */
    private final Cache<String, String> stamps = Caffeine.newBuilder().maximumSize(REMEMBERED_OWNERS).build();
    private final PodCopies copies;

    public HotPayloadCache(ReactiveRedisDataSource redis, ObjectMapper json, CacheConfig config,
            CacheMetrics metrics, RedisHealth health) {
        this.redis = redis;
        this.values = redis.value(byte[].class);
        this.json = json;
        this.config = config;
        this.metrics = metrics;
        this.health = health;
        this.copies = new PodCopies(config.podCopies().asLongValue(), config.ttl());
    }

    /** The owner's payload of this variant, from Redis or else loaded and kept. */
    public <T> Uni<T> get(HotPayload<T> payload, CacheOwner owner, String variant, Supplier<Uni<T>> load) {
        return get(payload, owner, variant, kept -> true, load);
    }

    /**
     * The owner's payload of this variant, from Redis or else loaded and kept; a kept payload that is
     * not {@code usable} any more (one that depends on the time, say) counts as a miss.
     */
    public <T> Uni<T> get(HotPayload<T> payload, CacheOwner owner, String variant, Predicate<T> usable,
            Supplier<Uni<T>> load) {
        if (!config.enabled() || !health.usable()) {
            return loadOnly(payload, load);
        }
        String generationKey = generationKey(owner);
        String suffix = ":" + payload.name() + ":" + variant;
        String guessed = stamps.getIfPresent(owner.key());
        String guessedKey = guessed == null ? null : payloadKey(owner, guessed, suffix);
        PodCopies.Copy copy = guessedKey == null ? null : copies.get(guessedKey);
        String[] keys = guessed == null ? new String[] { EPOCH, generationKey }
                : copy != null ? new String[] { EPOCH, generationKey, tagKey(guessedKey) }
                : new String[] { EPOCH, generationKey, guessedKey, tagKey(guessedKey) };
        return call(values.mget(keys)).chain(found -> {
            if (!found.ok()) {
                return loadOnly(payload, load);
            }
            Map<String, byte[]> read = found.value();
            String stamp = number(read.get(EPOCH)) + "." + number(read.get(generationKey));
            stamps.put(owner.key(), stamp);
            String key = payloadKey(owner, stamp, suffix);
            T kept = stamp.equals(guessed) ? kept(payload, key, copy, read) : null;
            if (kept != null && usable.test(kept)) {
                metrics.hit(payload.name());
                return Uni.createFrom().item(kept);
            }
            return shared(key, payload, usable, load);
        });
    }

    /** Evicts every payload of these owners, on every pod, in one round trip; never fails. */
    public Uni<Void> evict(Collection<CacheOwner> owners) {
        if (owners.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!health.usable()) {
            health.evictionSkipped();
            return Uni.createFrom().voidItem();
        }
        List<String> arguments = new ArrayList<>(List.of(EVICT, Integer.toString(owners.size())));
        owners.forEach(owner -> arguments.add(generationKey(owner)));
        return call(redis.execute("EVAL", arguments.toArray(String[]::new)), config.evictionTimeout(),
                health::evictionFailed)
                .invoke(done -> {
                    if (done.ok()) {
                        owners.forEach(owner -> metrics.eviction());
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The pod's copy if the tag read with the counters is still the copy's, or else the payload read
     * with them, which the pod copies with its tag.
     */
    @SuppressWarnings("unchecked")
    private <T> T kept(HotPayload<T> payload, String key, PodCopies.Copy copy, Map<String, byte[]> read) {
        byte[] tag = read.get(tagKey(key));
        if (copy != null) {
            if (copy.tagged(tag)) {
                return (T) copy.value();
            }
            // Stored anew since, or gone: the next read takes the payload from Redis again.
            copies.drop(key);
            return null;
        }
        byte[] bytes = read.get(key);
        T value = decode(payload, bytes, kept -> true);
        if (value != null && tag != null) {
            copies.keep(key, value, tag, bytes.length);
        }
        return value;
    }

    static String generationKey(CacheOwner owner) {
        return PREFIX + "generation:" + owner.key();
    }

    private static String payloadKey(CacheOwner owner, String stamp, String suffix) {
        return PREFIX + owner.key() + ":" + stamp + suffix;
    }

    /** The key of the tag each store of a payload puts beside it, new per store. */
    private static String tagKey(String payloadKey) {
        return payloadKey + ":tag";
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> shared(String key, HotPayload<T> payload, Predicate<T> usable, Supplier<Uni<T>> load) {
        Context caller = Vertx.currentContext();
        Uni<T> flight = (Uni<T>) inFlight.computeIfAbsent(key, k -> fetch(k, payload, usable, load)
                .onTermination().invoke(() -> inFlight.remove(k))
                .memoize().indefinitely());
        // Waiters resume on their own request's context, not on the one that loaded.
        return caller == null ? flight : flight.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private <T> Uni<T> fetch(String key, HotPayload<T> payload, Predicate<T> usable, Supplier<Uni<T>> load) {
        return call(values.get(key)).chain(found -> {
            if (!found.ok()) {
                return loadOnly(payload, load);
            }
            T cached = decode(payload, found.value(), usable);
            if (cached != null) {
                metrics.hit(payload.name());
                return Uni.createFrom().item(cached);
            }
            metrics.miss(payload.name());
            return loadOnce(key, payload, usable, load);
        });
    }

    /** Loads under the cross-pod lock, or waits for the pod that holds it. */
    private <T> Uni<T> loadOnce(String key, HotPayload<T> payload, Predicate<T> usable, Supplier<Uni<T>> load) {
        String lock = key + ":lock";
        String token = UUID.randomUUID().toString();
        return call(redis.execute("SET", lock, token, "NX", "PX", Long.toString(config.lockTtl().toMillis())))
                .chain(locked -> {
                    if (!locked.ok()) {
                        return loadOnly(payload, load);
                    }
                    if (locked.value() != null) {
                        return loadAndKeep(key, payload, load,
                                Request.cmd(Command.EVAL).arg(RELEASE).arg(1).arg(lock).arg(token));
                    }
                    return awaitOtherPod(key, payload, usable, load, System.nanoTime() + config.lockWait().toNanos());
                });
    }

    private <T> Uni<T> awaitOtherPod(String key, HotPayload<T> payload, Predicate<T> usable, Supplier<Uni<T>> load,
            long deadline) {
        if (System.nanoTime() - deadline >= 0) {
            return loadAndKeep(key, payload, load);
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(POLL)
                .chain(() -> call(values.get(key)))
                .chain(found -> {
                    T cached = found.ok() ? decode(payload, found.value(), usable) : null;
                    if (cached != null) {
                        metrics.hit(payload.name());
                        return Uni.createFrom().item(cached);
                    }
                    return found.ok() ? awaitOtherPod(key, payload, usable, load, deadline) : loadOnly(payload, load);
                });
    }

    /**
     * Loads, then stores the payload and a new tag beside it and sends what follows them (the lock's
     * release), in one pipeline: one round trip, in that order on one connection.
     */
    private <T> Uni<T> loadAndKeep(String key, HotPayload<T> payload, Supplier<Uni<T>> load, Request... then) {
        return loadOnly(payload, load).call(value -> {
            List<Request> writes = new ArrayList<>();
            byte[] encoded = encode(payload, value);
            if (encoded != null) {
                long ttl = config.ttl().toMillis();
                writes.add(Request.cmd(Command.SET).arg(key).arg(encoded).arg("PX").arg(ttl));
                writes.add(Request.cmd(Command.SET).arg(tagKey(key)).arg(PodCopies.newTag()).arg("PX").arg(ttl));
            }
            writes.addAll(List.of(then));
            return writes.isEmpty() ? Uni.createFrom().voidItem() : call(redis.getRedis().batch(writes));
        });
    }

    private <T> Uni<T> loadOnly(HotPayload<T> payload, Supplier<Uni<T>> load) {
        metrics.load(payload.name());
        return load.get();
    }

    /**
     * One Redis operation of a read, bounded by the read's budget; its failure is recorded, never passed
     * on. The first answer after evictions were lost abandons what was stored before it, and counts as a
     * failure itself.
     */
    private <R> Uni<Reply<R>> call(Uni<R> operation) {
        return call(operation, config.redisTimeout(), health::failed);
    }

    private <R> Uni<Reply<R>> call(Uni<R> operation, Duration timeout, Consumer<Throwable> failed) {
        return operation.ifNoItem().after(timeout).fail()
                .onItem().transformToUni(value -> health.answered()
                        ? abandonEarlierPayloads().replaceWith(new Reply<R>(null, false))
                        : Uni.createFrom().item(new Reply<>(value, true)))
                .onFailure().recoverWithItem(failure -> {
                    failed.accept(failure);
                    return new Reply<R>(null, false);
                });
    }

    private Uni<Void> abandonEarlierPayloads() {
        return call(values.incr(EPOCH)).invoke(moved -> {
            if (moved.ok()) {
                LOG.info("Payload cache available again: Redis answers; payloads from before the outage abandoned");
            }
        }).replaceWithVoid();
    }

    private <T> T decode(HotPayload<T> payload, byte[] cached, Predicate<T> usable) {
        if (cached == null) {
            return null;
        }
        try {
            T value = payload.read(cached, json);
            return usable.test(value) ? value : null;
        } catch (IOException | RuntimeException e) {
            // A payload of an older shape, during a rolling deploy: read it as a miss.
            LOG.debugf("Cached %s unreadable; reloading", payload.name());
            return null;
        }
    }

    private <T> byte[] encode(HotPayload<T> payload, T value) {
        try {
            return payload.write(value, json);
        } catch (IOException e) {
            LOG.warnf("Payload not cached: %s", e.getClass().getSimpleName());
            return null;
        }
    }

    private static long number(byte[] counter) {
        return counter == null ? 0 : Long.parseLong(new String(counter, StandardCharsets.US_ASCII));
    }

    private record Reply<R>(R value, boolean ok) {
    }
}
