package com.garage.mobile.platform.identity;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorDirectory;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Who a token's subject is at a garage, looked up once and then kept in this pod for a short while
 * (`quarkus.cache.caffeine.actors.*`), so that a request costs no query for it. Only people found
 * are kept: an unknown subject is asked again each time. {@link ActorChangeListener} forgets a
 * person the moment their record changes, on every pod.
 */
@ApplicationScoped
public class ActorCache {

    private final ActorDirectory directory;
    private final CaffeineCache cache;
    private final AtomicLong forgotten = new AtomicLong();

    public ActorCache(ActorDirectory directory, @CacheName("actors") Cache cache) {
        this.directory = directory;
        this.cache = cache.as(CaffeineCache.class);
    }

    public Uni<Optional<Actor>> staff(UUID garageId, String subject) {
        return kept(new Key(Kind.STAFF, garageId, subject), () -> directory.findStaff(garageId, subject));
    }

    public Uni<Optional<Actor>> customer(UUID garageId, String subject) {
        return kept(new Key(Kind.CUSTOMER, garageId, subject), () -> directory.findCustomer(garageId, subject));
    }

    /** Forgets the person a subject is at a garage, as staff and as customer. */
    public Uni<Void> forget(UUID garageId, String subject) {
        forgotten.incrementAndGet();
        return cache.invalidate(new Key(Kind.STAFF, garageId, subject))
                .chain(() -> cache.invalidate(new Key(Kind.CUSTOMER, garageId, subject)));
    }

    /** Forgets everyone: for when changes may have been missed. */
    public Uni<Void> forgetAll() {
        forgotten.incrementAndGet();
        return cache.invalidateAll();
    }

    private Uni<Optional<Actor>> kept(Key key, Supplier<Uni<Optional<Actor>>> lookUp) {
        CompletableFuture<Object> known = cache.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().completionStage(known).map(actor -> Optional.of((Actor) actor));
        }
        // A change that arrives while the lookup runs may concern what it read: then it is not kept.
        long before = forgotten.get();
        return lookUp.get().invoke(found -> found.filter(actor -> forgotten.get() == before)
                .ifPresent(actor -> cache.put(key, CompletableFuture.completedFuture(actor))));
    }

    private enum Kind { STAFF, CUSTOMER }

    private record Key(Kind kind, UUID garageId, String subject) {
    }
}
