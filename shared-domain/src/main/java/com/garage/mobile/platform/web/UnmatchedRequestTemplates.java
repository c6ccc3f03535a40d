package com.garage.mobile.platform.web;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Names the endpoint in the request metrics when the REST layer refused a request before matching it
 * to a method: a body that is not JSON (415), a method the path does not take (405), an answer it
 * cannot give in the type asked for (406). The REST layer names only the requests it matched;
 * Micrometer then tags the raw path, a series for every id a caller puts in it, until its cap on
 * distinct paths drops the series of real endpoints (microprofile-config.properties, "Metrics").
 */
public class UnmatchedRequestTemplates {

    // Where Quarkus REST (3.33) puts a matched request's template and Micrometer reads it at the
    // response's end: a local of the request's Vert.x context.
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final Endpoints endpoints;

    public UnmatchedRequestTemplates(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    @ServerResponseFilter
    public void name(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        if (resource.getResourceMethod() != null) {
            return;
        }
        endpoints.onPath(Endpoints.pathOf(request)).ifPresent(endpoint -> ((HttpServerRequestInternal) routing
                .request()).context().putLocal(URL_PATH_TEMPLATE, endpoint.route()));
    }
}
