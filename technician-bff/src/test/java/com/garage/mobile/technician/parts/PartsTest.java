package com.garage.mobile.technician.parts;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PartsTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    Rows rows;
    GarageFixture garage;
    Person tom;
    Person tina;
    Person advisor;
    UUID job;
    UUID pads;
    UUID coil;

    @BeforeEach
    void catalogue() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        advisor = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(advisor).status("IN_PROGRESS").create();
        pads = part("BP-7731", "Front brake pad set", "4006980000012", 5400, 3100, 12);
        coil = part("IC-2203", "Ignition coil", null, 7200, 4050, 0);
        part("BD-2210", "Front brake disc, vented", "40069807", 6800, 3900, 6);
    }

    @Test
    void searchFindsByTextInPagesWithoutCostForTechnicians() {
        String first = given().auth().oauth2(TOKENS.of(tom)).queryParam("q", "brake").queryParam("limit", 1)
                .get("/api/v1/parts").then().statusCode(200)
                .body("items.partNumber", contains("BD-2210"))
                .body("items[0].costMinor", nullValue())
                .body("hasMore", equalTo(true)).extract().path("nextCursor");
        given().auth().oauth2(TOKENS.of(tom)).queryParam("q", "brake").queryParam("limit", 1).queryParam("after", first)
                .get("/api/v1/parts").then().statusCode(200).body("items.partNumber", contains("BP-7731"))
                .body("hasMore", equalTo(false));
        given().auth().oauth2(TOKENS.of(advisor)).queryParam("q", "COIL").get("/api/v1/parts").then().statusCode(200)
                .body("items[0].costMinor", equalTo(4050));
        given().auth().oauth2(TOKENS.of(tom)).queryParam("q", "%").get("/api/v1/parts").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void lookupByScannedBarcodeOrPartNumber() {
        lookup("4006980000012").statusCode(200).body("id", equalTo(pads.toString()));
        lookup("40069807").statusCode(200).body("partNumber", equalTo("BD-2210"));
        lookup("ic-2203").statusCode(200).body("id", equalTo(coil.toString()));
        lookup("4006980000013").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("code"));
        lookup("XX-0000").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void partsUsedBecomeAPartLineAndLeaveTheShelfThenComeBack() {
        UUID line = UUID.randomUUID();
        use(tom, line, pads, "2").statusCode(200).body("line.partNumber", equalTo("BP-7731"))
                .body("line.unitPriceMinor", equalTo(5400));
        Map<String, Object> row = rows.one("select kind, quantity, unit_price_minor, cost_price_minor, part_id,"
                + " approval_status from estimate_line where id = ?", line);
        assertEquals("PART", row.get("kind"));
        assertEquals(0, new BigDecimal("2").compareTo((BigDecimal) row.get("quantity")));
        assertEquals(3100L, row.get("cost_price_minor"));
        assertEquals(pads, row.get("part_id"));
        assertEquals(0, new BigDecimal("10").compareTo(stock(pads)));
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/" + job).then()
                .body("estimate.lines.find { it.id == '" + line + "' }.costPriceMinor", nullValue());

        post(tom, "/api/v1/jobs/" + job + "/parts/returns", Map.of("lineId", line, "quantity", 1, "baseVersion", 0))
                .statusCode(200).body("line.quantity", equalTo(1.0f));
        assertEquals(0, new BigDecimal("11").compareTo(stock(pads)));
        post(tom, "/api/v1/jobs/" + job + "/parts/returns", Map.of("lineId", line, "quantity", 1, "baseVersion", 0))
                .statusCode(409).body("type", equalTo("urn:garage:problem:stale-version"));
        post(tom, "/api/v1/jobs/" + job + "/parts/returns", Map.of("lineId", line, "quantity", 1, "baseVersion", 1))
                .statusCode(200).body("line", nullValue());
        assertEquals(0L, rows.count("select count(*) from estimate_line where id = ?", line));
        assertEquals(0, new BigDecimal("12").compareTo(stock(pads)));
        assertEquals(List.of("job.part-use", "job.part-return", "job.part-return"), rows.query("select action from"
                + " audit_entry where garage_id = ? and outcome = 'SUCCESS' order by id", garage.garageId).stream()
                .map(r -> r.get("action")).toList());
    }

    @Test
    void tooFewOnTheShelfIsAConflictAndChangesNothing() {
        use(tom, UUID.randomUUID(), coil, "1").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:out-of-stock"));
        use(tom, UUID.randomUUID(), pads, "0").statusCode(400).body("errors.field", hasItem("quantity"));
        assertEquals(0L, rows.count("select count(*) from estimate_line where job_id = ?", job));
        assertEquals(0, new BigDecimal("12").compareTo(stock(pads)));
    }

    @Test
    void tenantAndAssignmentRulesHold() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otto = other.customer("Otto", "Berg");
        UUID foreign = other.job(otto, other.vehicle(otto)).create();
        post(tom, "/api/v1/jobs/" + foreign + "/parts", Map.of("lineId", UUID.randomUUID(), "partId", pads,
                "quantity", 1)).statusCode(404);
        use(tina, UUID.randomUUID(), pads, "1").statusCode(403);
        post(tina, "/api/v1/jobs/" + job + "/part-requests", Map.of("requestId", UUID.randomUUID(),
                "description", "Coil", "quantity", 1)).statusCode(403);
        assertEquals(0, new BigDecimal("12").compareTo(stock(pads)));
        assertEquals(0L, rows.count("select count(*) from part_request where garage_id = ?", garage.garageId));
    }

    @Test
    void aPartRequestReachesTheAdvisorLiveWhoOrdersItAndTheJobWaitsForParts() {
        try (LiveClient board = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(advisor), null)) {
            board.await("caught-up");
            UUID request = UUID.randomUUID();
            post(tom, "/api/v1/jobs/" + job + "/part-requests", Map.of("requestId", request, "partId", coil,
                    "quantity", 1, "note", "Cylinder 3 misfires", "awaitParts", true)).statusCode(200)
                    .body("status", equalTo("REQUESTED")).body("description", equalTo("Ignition coil"));

            JsonObject seen = board.await(m -> "job.part-requested".equals(m.getString("event")));
            assertEquals(request.toString(), seen.getJsonObject("data").getString("requestId"));
            assertEquals("AWAITING_PARTS", rows.one("select status from job_card where id = ?", job).get("status"));

            post(tom, "/api/v1/jobs/" + job + "/part-requests/status", Map.of("requestId", request, "status", "ORDERED",
                    "baseVersion", 0)).statusCode(403);
            post(advisor, "/api/v1/jobs/" + job + "/part-requests/status", Map.of("requestId", request,
                    "status", "ORDERED", "baseVersion", 0)).statusCode(200).body("status", equalTo("ORDERED"));
            post(advisor, "/api/v1/jobs/" + job + "/part-requests/status", Map.of("requestId", request,
                    "status", "REQUESTED", "baseVersion", 1)).statusCode(409)
                    .body("type", equalTo("urn:garage:problem:invalid-transition"));
            given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/" + job + "/part-requests").then().statusCode(200)
                    .body("[0].status", equalTo("ORDERED")).body("[0].note", notNullValue());
        }
    }

    @Test
    void aRequestNeedsAPartOrADescription() {
        post(tom, "/api/v1/jobs/" + job + "/part-requests", Map.of("requestId", UUID.randomUUID(), "quantity", 1))
                .statusCode(400).body("errors.field", hasItem("description"));
        assertEquals(0L, rows.count("select count(*) from part_request where job_id = ?", job));
    }

    @Test
    void partsAndRequestsWorkOfflineToo() {
        UUID line = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).body(Map.of("deviceId", "pixel-8-tom",
                "mutations", List.of(
                        Map.of("clientMutationId", UUID.randomUUID(), "entity", "job-part", "operation", "use",
                                "entityId", line, "payload", Map.of("jobId", job, "partId", pads, "quantity", 3)),
                        Map.of("clientMutationId", UUID.randomUUID(), "entity", "job-part", "operation", "return",
                                "entityId", line, "baseVersion", 0, "payload", Map.of("jobId", job, "quantity", 1)),
                        Map.of("clientMutationId", UUID.randomUUID(), "entity", "part-request", "operation", "create",
                                "entityId", request, "payload", Map.of("jobId", job, "description", "Wiper blades",
                                        "quantity", 2)))))
                .post("/api/v1/sync/mutations").then().statusCode(200)
                .body("results.result", contains("applied", "applied", "applied"));
        assertEquals(0, new BigDecimal("10").compareTo(stock(pads)));
        assertEquals(1L, rows.count("select count(*) from part_request where id = ?", request));
    }

    UUID part(String number, String description, String ean, long price, long cost, int stock) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into part (id, garage_id, part_number, description, ean, price_minor, cost_minor,"
                + " stock_on_hand, bin) values (?, ?, ?, ?, ?, ?, ?, ?, 'A-01')", id, garage.garageId, number,
                description, ean, price, cost, stock);
        return id;
    }

    BigDecimal stock(UUID part) {
        return (BigDecimal) rows.one("select stock_on_hand from part where id = ?", part).get("stock_on_hand");
    }

    ValidatableResponse lookup(String code) {
        return given().auth().oauth2(TOKENS.of(tom)).queryParam("code", code).get("/api/v1/parts/lookup").then();
    }

    ValidatableResponse use(Person who, UUID line, UUID part, String quantity) {
        return post(who, "/api/v1/jobs/" + job + "/parts", Map.of("lineId", line, "partId", part,
                "quantity", new BigDecimal(quantity)));
    }

    static ValidatableResponse post(Person who, String path, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body).when().post(path).then();
    }
}
