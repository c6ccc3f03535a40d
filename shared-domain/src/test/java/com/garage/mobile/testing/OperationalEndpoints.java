package com.garage.mobile.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;

/** What Kubernetes and the operators use on a running BFF: the probes k8s/ points at, metrics and OpenAPI. */
public final class OperationalEndpoints {

    private static final List<String> PROBES = List.of("/q/health/started", "/q/health/live", "/q/health/ready");

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
}
