package com.garage.mobile.platform.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every request an id (the client's, if it sent a sane one) and notes its device and app build. */
public class RequestInfoFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String DEVICE_ID_HEADER = "X-Device-Id";
    public static final String APP_PLATFORM_HEADER = "X-App-Platform";
    public static final String APP_VERSION_HEADER = "X-App-Version";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final RequestInfo info;

    public RequestInfoFilter(RequestInfo info) {
        this.info = info;
    }

    @ServerRequestFilter(preMatching = true)
    public void identify(ContainerRequestContext request, HttpServerRequest http) {
        String requestId = safe(request.getHeaderString(REQUEST_ID_HEADER));
        info.fill(requestId != null ? requestId : UUID.randomUUID().toString(),
                safe(request.getHeaderString(DEVICE_ID_HEADER)),
                http.remoteAddress() != null ? http.remoteAddress().hostAddress() : null,
                http.path());
        info.fillApp(request.getHeaderString(APP_PLATFORM_HEADER), request.getHeaderString(APP_VERSION_HEADER));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        if (info.requestId() != null) {
            response.getHeaders().putSingle(REQUEST_ID_HEADER, info.requestId());
        }
    }

    static String safe(String value) {
        return value != null && SAFE_ID.matcher(value).matches() ? value : null;
    }
}
