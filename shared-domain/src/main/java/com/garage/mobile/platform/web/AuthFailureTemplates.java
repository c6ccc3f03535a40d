package com.garage.mobile.platform.web;

import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;

/**
 * Spares every request the URI template that Quarkus REST (3.33) works out for a metric of an
 * authentication failure before there is one. Its filter right after authentication swaps the
 * default failure handler for its own, which fails the request into the exception mappers, and with
 * metrics on, first works out the request's URI template by building a new request mapper of every
 * endpoint: 12 % of the pod's CPU on the cached job board. The filter does both only while the
 * default handler is in place; this learns the REST layer's handler from the first request and from
 * then on puts that same handler in place before the filter runs. Authentication fails only inside
 * the REST layer here (no path-based HTTP permissions), where the REST layer has the template anyway.
 */
@ApplicationScoped
public class AuthFailureTemplates {

    private volatile BiConsumer<RoutingContext, Throwable> restHandler;

    // Routes of one order run in the order they were added; the router is handed out before Quarkus
    // adds its filters, so the first route runs before the REST layer's filter of the same order.
    void install(@Observes Router router) {
        router.route().order(1 - SecurityHandlerPriorities.AUTHENTICATION).handler(this::putRestHandler);
        router.route().order(2 - SecurityHandlerPriorities.AUTHENTICATION).handler(this::learnRestHandler);
    }

    private void putRestHandler(RoutingContext event) {
        var known = restHandler;
        if (known != null && event.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            event.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, known);
        }
        event.next();
    }

    private void learnRestHandler(RoutingContext event) {
        if (restHandler == null && event.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER)
                instanceof BiConsumer<?, ?> installed && !(installed instanceof DefaultAuthFailureHandler)) {
            restHandler = event.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        }
        event.next();
    }
}
