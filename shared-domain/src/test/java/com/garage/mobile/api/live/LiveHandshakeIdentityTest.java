package com.garage.mobile.api.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A live connection's deferred identity becomes the identity alone once it is known. */
class LiveHandshakeIdentityTest {

    final AtomicInteger authentications = new AtomicInteger();
    final AtomicReference<Uni<SecurityIdentity>> replaced = new AtomicReference<>();

    @Test
    void onceKnownTheIdentityIsAnsweredWithoutTheAuthenticationThatProducedIt() {
        SecurityIdentity carl = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("carl")).build();
        Uni<SecurityIdentity> deferred = LiveHandshakeIdentity.onceKnown(authentication(Uni.createFrom().item(carl)),
                replaced::set);
        assertNull(replaced.get(), "nothing is replaced before anyone asks who it is");

        assertSame(carl, deferred.await().indefinitely());
        assertSame(carl, replaced.get().await().indefinitely());
        assertSame(carl, replaced.get().await().indefinitely());
        assertEquals(1, authentications.get());
    }

    @Test
    void aFailedAuthenticationIsLeftAsItIs() {
        Uni<SecurityIdentity> deferred = LiveHandshakeIdentity.onceKnown(
                authentication(Uni.createFrom().failure(new AuthenticationFailedException())), replaced::set);

        assertThrows(AuthenticationFailedException.class, () -> deferred.await().indefinitely());
        assertThrows(AuthenticationFailedException.class, () -> deferred.await().indefinitely());
        assertNull(replaced.get());
        assertEquals(1, authentications.get());
    }

    /** As the HTTP layer defers it: authenticated once, on first demand, then remembered. */
    private Uni<SecurityIdentity> authentication(Uni<SecurityIdentity> outcome) {
        return Uni.createFrom().deferred(() -> {
            authentications.incrementAndGet();
            return outcome;
        }).memoize().indefinitely();
    }
}
