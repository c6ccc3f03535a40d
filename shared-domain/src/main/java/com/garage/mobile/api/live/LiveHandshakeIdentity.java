package com.garage.mobile.api.live;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Consumer;

/**
 * Lets a live connection keep the identity it was opened with but not the authentication that
 * produced it. A WebSocket keeps its handshake's routing context for as long as it is open, and with
 * it the memoised authentication pipeline (every operator of the token's verification and of
 * augmentation) that the context holds as the deferred identity: 5.7 KB of heap per idle
 * connection, a quarter of all it holds (issue 19). Once the identity is known, the deferred identity
 * becomes that identity alone; anything that asks for it again gets the same answer.
 */
@ApplicationScoped
public class LiveHandshakeIdentity {

    // After the authentication handler (-AUTHENTICATION) has put the deferred identity in place.
    void install(@Observes Router router) {
        router.route(LiveSocket.PATH).order(2 - SecurityHandlerPriorities.AUTHENTICATION)
                .handler(LiveHandshakeIdentity::keepOnlyTheIdentity);
    }

    static void keepOnlyTheIdentity(RoutingContext handshake) {
        Uni<SecurityIdentity> deferred = handshake.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred != null) {
            handshake.put(QuarkusHttpUser.DEFERRED_IDENTITY_KEY,
                    onceKnown(deferred, known -> handshake.put(QuarkusHttpUser.DEFERRED_IDENTITY_KEY, known)));
        }
        handshake.next();
    }

    /** The deferred identity, which hands {@code replace} the identity alone once it is known. */
    static Uni<SecurityIdentity> onceKnown(Uni<SecurityIdentity> deferred, Consumer<Uni<SecurityIdentity>> replace) {
        return deferred.invoke(identity -> replace.accept(Uni.createFrom().item(identity)));
    }
}
