package com.garage.mobile.customer.approvals;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer reading their estimate and signing decisions on it, over HTTP. */
public final class Signing {

    public static final String CONSENT = "I approve the work marked approved at the prices shown.";

    private Signing() {
    }

    public static JsonPath estimate(String token, UUID jobId) {
        return given().auth().oauth2(token).when().get("/api/v1/jobs/" + jobId + "/estimate")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A body deciding the given lines on the estimate shown, signed with a typed name. */
    public static Map<String, Object> decide(JsonPath shown, Map<UUID, String> decisions) {
        Map<String, Object> body = signed(shown);
        body.put("decisions", decisions.entrySet().stream()
                .map(d -> Map.of("lineId", d.getKey().toString(), "decision", d.getValue())).toList());
        return body;
    }

    /** A body deciding every line awaiting the customer the same way. */
    public static Map<String, Object> decideAll(JsonPath shown, String decision) {
        Map<String, Object> body = signed(shown);
        body.put("all", decision);
        return body;
    }

    public static Map<String, Object> signed(JsonPath shown) {
        Map<String, Object> body = new HashMap<>();
        body.put("revision", shown.getInt("revision"));
        body.put("contentHash", shown.getString("contentHash"));
        body.put("signature", Map.of("typedName", "Carl Jensen"));
        body.put("consent", Map.of("text", CONSENT, "version", "2026-12"));
        return body;
    }

    public static Map<String, Object> drawn(Map<String, Object> body) {
        body.put("signature", Map.of("strokes", List.of(List.of(List.of(10, 500), List.of(300, 200), List.of(600, 700)),
                List.of(List.of(700, 100), List.of(990, 900)))));
        return body;
    }

    public static ValidatableResponse post(String token, UUID jobId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("X-Device-Id", "carls-phone")
                .body(body).when().post("/api/v1/jobs/" + jobId + "/estimate/approvals").then();
    }
}
