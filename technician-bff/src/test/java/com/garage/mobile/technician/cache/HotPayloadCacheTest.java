package com.garage.mobile.technician.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.api.jobs.JobScreens;
import com.garage.mobile.platform.cache.CacheConfig;
import com.garage.mobile.platform.cache.CacheOwner;
import com.garage.mobile.platform.cache.HotPayload;
import com.garage.mobile.platform.cache.HotPayloadCache;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the payload cache keeps in Redis, and how pods share a load, with payloads of their own. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HotPayloadCacheTest {

    private static final HotPayload<String> LOCK_PROBE = HotPayload.of("lock-probe", String.class);

    @Inject
    HotPayloadCache cache;
    @Inject
    CacheConfig config;
    @Inject
    RedisDataSource redis;

    @Test
    void aLoadKeepsThePayloadAndItsTagForTheirLifetimeAndReleasesItsLock() {
        HotPayload<String> payload = HotPayload.of("store-probe", String.class);
        CacheOwner owner = JobScreens.technicianBoard(UUID.randomUUID(), UUID.randomUUID());
        String key = payloadKey(owner, "store-probe:only");

        assertEquals("loaded", read(payload, owner, "loaded"));

        assertEquals("\"loaded\"", redis.value(String.class).get(key));
        assertNotNull(redis.value(String.class).get(key + ":tag"));
        for (String kept : List.of(key, key + ":tag")) {
            long lifetime = redis.key().pttl(kept);
            assertTrue(lifetime > 0 && lifetime <= config.ttl().toMillis(), kept + " expires within the cache's ttl");
        }
        assertFalse(redis.key().exists(key + ":lock"), "the loading pod releases its lock");
        redis.key().del(key, key + ":tag");
    }

    @Test
    void aPodThatFindsTheLoadLockedWaitsForTheOtherPodsLoad() {
        CacheOwner owner = JobScreens.technicianBoard(UUID.randomUUID(), UUID.randomUUID());
        String key = lockedByAnotherPod(owner, "other-pod");
        // The other pod stores its load a little later.
        CompletableFuture.runAsync(() -> redis.value(String.class).set(key, "\"loaded by the other pod\""),
                CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS));
        AtomicInteger ownLoads = new AtomicInteger();

        String value = cache.get(LOCK_PROBE, owner, "only", () -> {
            ownLoads.incrementAndGet();
            return Uni.createFrom().item("loaded here");
        }).await().atMost(Duration.ofSeconds(5));

        assertEquals("loaded by the other pod", value);
        assertEquals(0, ownLoads.get());
        redis.key().del(key, key + ":lock");
    }

    @Test
    void aWaitingPodLoadsItselfWhenTheOtherPodNeverStores() {
        CacheOwner owner = JobScreens.technicianBoard(UUID.randomUUID(), UUID.randomUUID());
        String key = lockedByAnotherPod(owner, "dead-pod");

        String value = cache.get(LOCK_PROBE, owner, "only", () -> Uni.createFrom().item("loaded here"))
                .await().atMost(Duration.ofSeconds(5));

        assertEquals("loaded here", value);
        redis.key().del(key, key + ":lock");
    }

    @Test
    void aPodReadsItsCopyOfAPayloadUntilThePayloadIsStoredAnew() {
        HotPayload<String> payload = HotPayload.of("copy-probe", String.class);
        CacheOwner owner = JobScreens.technicianBoard(UUID.randomUUID(), UUID.randomUUID());
        String key = payloadKey(owner, "copy-probe:only");
        assertEquals("loaded", read(payload, owner, "loaded"));
        assertEquals("loaded", read(payload, owner, "not loaded again"));
        String tag = redis.value(String.class).get(key + ":tag");

        // Changed in Redis under the same tag: the pod reads only the counters and the tag, and keeps its copy.
        redis.value(String.class).set(key, "\"changed in Redis\"");
        assertEquals("loaded", read(payload, owner, "not loaded again"));

        // Stored anew, with a tag of its own: the pod reads the payload again.
        redis.value(String.class).set(key + ":tag", tag + "-anew");
        assertEquals("changed in Redis", read(payload, owner, "not loaded again"));
        assertEquals("changed in Redis", read(payload, owner, "not loaded again"));

        // Gone from Redis, as after a restart that lost its data: the pod does not serve its copy.
        redis.key().del(key, key + ":tag");
        assertEquals("loaded after the loss", read(payload, owner, "loaded after the loss"));
        redis.key().del(key, key + ":tag");
    }

    /** Another pod's lock on the load of the owner's lock probe; answers the payload's key. */
    private String lockedByAnotherPod(CacheOwner owner, String holder) {
        String key = payloadKey(owner, "lock-probe:only");
        redis.value(String.class).set(key + ":lock", holder);
        return key;
    }

    private String read(HotPayload<String> payload, CacheOwner owner, String loaded) {
        return cache.get(payload, owner, "only", () -> Uni.createFrom().item(loaded))
                .await().atMost(Duration.ofSeconds(5));
    }

    /** The key of an owner's payload before any eviction: the cache's key format, epoch included. */
    private String payloadKey(CacheOwner owner, String payloadAndVariant) {
        String epoch = redis.value(String.class).get("garage:cache:v1:epoch");
        return "garage:cache:v1:" + owner.key() + ":" + (epoch == null ? "0" : epoch) + ".0:" + payloadAndVariant;
    }
}
