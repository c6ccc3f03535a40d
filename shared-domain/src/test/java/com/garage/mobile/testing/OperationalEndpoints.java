package com.garage.mobile.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** What Kubernetes and the operators use on a running BFF: the probes k8s/ points at, metrics and OpenAPI. */
public final class OperationalEndpoints {

    private static final List<String> PROBES = List.of("/q/health/started", "/q/health/live", "/q/health/ready");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private OperationalEndpoints() {
    }

    /** Probes are UP, metrics are Prometheus', and the OpenAPI document describes {@code apiPath}. */
    public static void assertServed(String apiPath) {
        for (String probe : PROBES) {
            given().when().get(probe).then().statusCode(200).body("status", equalTo("UP"));
        }
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey(apiPath));
    }

    /**
     * Every endpoint of the OpenAPI document, called once without a token or a body, has its own series in the
     * metrics under its path template: none is left out for coming after Micrometer's cap on distinct paths, and no
     * refused call adds a series of its own path, with the id a caller put in it.
     */
    public static void assertEveryEndpointMeasured() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        String id = UUID.randomUUID().toString();
        paths.forEach((template, operations) -> {
            String path = PARAMETER.matcher(template).replaceAll(id);
            operations.keySet().stream().filter(METHODS::contains)
                    .forEach(method -> given().redirects().follow(false).request(method.toUpperCase(), path));
        });
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> unmeasured = paths.keySet().stream()
                .filter(template -> !metrics.contains("uri=\"" + template + "\"")).toList();
        assertEquals(List.of(), unmeasured, "endpoints without a series of their own in http_server_requests");
        assertFalse(metrics.contains(id), "a series of a path with the id the calls put in it");
    }
}
