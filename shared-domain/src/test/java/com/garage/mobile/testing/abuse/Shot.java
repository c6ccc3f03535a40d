package com.garage.mobile.testing.abuse;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One request at an operation, as an attacker would shape it. */
final class Shot {

    private final ApiOperation operation;
    private final Map<String, Object> pathValues = new HashMap<>();
    private final Map<String, Object> query = new HashMap<>();
    private String token;
    private String contentType = "application/json";
    private String body;

    Shot(ApiOperation operation, Map<String, Object> pathValues) {
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

    Response fire() {
        // Apps name their build on every request (docs/app-config.md); endpoints that need it refuse without.
        RequestSpecification request = given().urlEncodingEnabled(false)
                .header("X-App-Platform", "android").header("X-App-Version", "3.4.1");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body != null && contentType.contains("octet-stream")) {
            request.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        } else if (body != null) {
            request.contentType(contentType).body(body);
        }
        if (operation.takesVersion()) {
            // A well-formed change names its base version; refusals must not hinge on its absence.
            request.header("If-Match", "\"0\"");
        }
        return request.when().request(operation.method(), target());
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
