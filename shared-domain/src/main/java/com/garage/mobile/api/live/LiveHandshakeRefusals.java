package com.garage.mobile.api.live;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;

/**
 * Answers a live handshake whose token fails authentication once, with the upgrade checks' 401
 * ({@code @Authenticated}'s, then {@link LiveSocketAccess}). Quarkus REST puts its own
 * authentication failure handler on every request, which fails the request into its exception
 * mappers; on the live channel the upgrade checks had answered already, so that second answer found
 * the response written and was logged as a server error with its stack, for every app that
 * reconnected with an expired token.
 */
@ApplicationScoped
public class LiveHandshakeRefusals {

    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_BY_THE_UPGRADE_CHECKS = (handshake,
            failure) -> {
    };

    // After Quarkus REST's filter (1 - AUTHENTICATION) has put its handler in place.
    void install(@Observes Router router) {
        router.route(LiveSocket.PATH).order(2 - SecurityHandlerPriorities.AUTHENTICATION)
                .handler(LiveHandshakeRefusals::leaveToTheUpgradeChecks);
    }

    private static void leaveToTheUpgradeChecks(RoutingContext handshake) {
        handshake.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_BY_THE_UPGRADE_CHECKS);
        handshake.next();
    }
}
