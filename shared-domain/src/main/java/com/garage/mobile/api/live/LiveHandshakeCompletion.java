package com.garage.mobile.api.live;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jboss.logging.Logger;

/**
 * Counts a live socket's handshake as a finished request once its connection has closed, so that a
 * stopping pod waits only for its real requests. Quarkus (3.33) counts every request until its
 * response ends, and waits at shutdown until none is left, up to {@code quarkus.shutdown.timeout};
 * the response of a request upgraded to a WebSocket never ends, so a pod that had ever held a live
 * socket waited out the whole timeout (30 s) after {@code LiveSessions} had closed them all. Quarkus
 * offers no public way to say a request is done: this calls its request wrapper's own, which counts
 * a request once however often it is called.
 */
@ApplicationScoped
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true)
public class LiveHandshakeCompletion {

    private static final Logger LOG = Logger.getLogger(LiveHandshakeCompletion.class);
    private static final MethodHandle DONE = done();

    void install(@Observes Router router) {
        router.route(LiveSocket.PATH).order(Integer.MIN_VALUE).handler(LiveHandshakeCompletion::onClose);
    }

    // Quarkus wraps requests only where it counts them: with a shutdown timeout, as in production.
    private static void onClose(RoutingContext handshake) {
        if (DONE != null && handshake.request().getCookie(QuarkusRequestWrapper.FAKE_COOKIE_NAME) != null
                && handshake.request().connection() instanceof ConnectionBase connection) {
            QuarkusRequestWrapper request = QuarkusRequestWrapper.get(handshake.request());
            connection.closeFuture().onComplete(closed -> finish(request));
        }
        handshake.next();
    }

    private static void finish(QuarkusRequestWrapper request) {
        try {
            DONE.invoke(request);
        } catch (Throwable e) {
            LOG.warnf("A closed live socket's request could not be counted as done: %s", e.toString());
        }
    }

    /** Without it (another Quarkus), a stopping pod that held live sockets waits out its shutdown timeout again. */
    private static MethodHandle done() {
        try {
            return MethodHandles.privateLookupIn(QuarkusRequestWrapper.class, MethodHandles.lookup())
                    .findVirtual(QuarkusRequestWrapper.class, "done", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Closed live sockets will hold a stopping pod until its shutdown timeout: %s", e.toString());
            return null;
        }
    }
}
