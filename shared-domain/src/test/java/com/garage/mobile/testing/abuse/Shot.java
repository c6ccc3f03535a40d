package com.garage.mobile.testing.abuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request at an operation, as an attacker would shape it. Sent with the JDK's client: the suite fires thousands,
 * and REST Assured's Groovy spent more CPU on each than the BFF answering it.
 */
final class Shot {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final URI base;
    private final ApiOperation operation;
    private final Map<String, Object> pathValues = new HashMap<>();
    private final Map<String, Object> query = new HashMap<>();
    private String token;
    private String contentType = "application/json";
    private String body;

    Shot(URI base, ApiOperation operation, Map<String, Object> pathValues) {
        this.base = base;
        this.operation = operation;
        this.pathValues.putAll(pathValues);
    }

    Shot token(String value) {
        token = value;
        return this;
    }

    Shot path(String parameter, Object value) {
        pathValues.put(parameter, value);
        return this;
    }

    Shot query(String parameter, Object value) {
        query.put(parameter, value);
        return this;
    }

    Shot body(String contentTypeValue, String value) {
        contentType = contentTypeValue;
        body = value;
        return this;
    }

    Answer fire() {
        // Apps name their build on every request (docs/app-config.md); endpoints that need it refuse without.
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target())).timeout(PATIENCE)
                .header("X-App-Platform", "android").header("X-App-Version", "3.4.1");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (operation.takesVersion()) {
            // A well-formed change names its base version; refusals must not hinge on its absence.
            request.header("If-Match", "\"0\"");
        }
        request.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " " + target(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path and query, each value percent-encoded, so that no value is read as a template or a separator. */
    private String target() {
        String path = operation.path();
        for (Map.Entry<String, Object> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encoded(value.getValue()));
        }
        String queryString = query.entrySet().stream()
                .map(parameter -> encoded(parameter.getKey()) + "=" + encoded(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return queryString.isEmpty() ? path : path + "?" + queryString;
    }

    private static String encoded(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
