package com.garage.mobile.technician.inspections;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Templates, inspections and their items, through the technician API down to PostgreSQL. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InspectionTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person tom;
    Person tina;
    Person alice;
    Person carl;
    UUID car;
    UUID template;
    UUID jobId;

    @BeforeEach
    void createGarage() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        car = garage.vehicle(carl);
        template = garage.inspectionTemplate(alice);
        jobId = garage.job(carl, car).assignedTo(tom).status("IN_PROGRESS").create();
    }

    @Test
    void anInspectionIsMadeFromTheTemplateAndKeepsItsCopyWhenTheTemplateChanges() {
        start(tom, jobId).statusCode(201)
                .body("status", equalTo("IN_PROGRESS"))
                .body("items.key", contains("tyre-front-left", "tyre-front-right", "brake-pads-front", "brake-fluid",
                        "engine-oil", "workshop-checks"))
                .body("items[0].measurements[0].unit", equalTo("mm"))
                .body("items[0].condition", nullValue())
                .body("counts.notInspected", equalTo(6));

        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "Short", "baseVersion", 0, "sections", List.of(Map.of("title", "Tyres",
                        "items", List.of(Map.of("key", "tyre-front-left", "label", "Tyre", "customerVisible", true,
                                "measurements", List.of()))))))
                .put("/api/v1/inspection-templates/{id}", template)
                .then().statusCode(200).body("version", equalTo(1)).body("sections[0].items[0].label", equalTo("Tyre"));

        assertEquals(6L, rows.count("select count(*) from inspection_item where job_id = ?", jobId));
        assertEquals("Front left tyre", rows.one("select label from inspection_item where job_id = ? and"
                + " item_key = 'tyre-front-left'", jobId).get("label"));
        assertEquals(0L, rows.one("select template_version from inspection where job_id = ?", jobId)
                .get("template_version"));
        assertEquals(List.of("inspection.start", "inspection-template.edit"), actions());
        start(tom, jobId).statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));
    }

    @Test
    void anItemUpdateAnswersWhatItsMeasurementsSuggestAndTheTechnicianDecides() {
        start(tom, jobId).statusCode(201);
        UUID tyre = item(jobId, "tyre-front-left");
        update(tom, tyre, 0, "YELLOW", "Worn on the inside edge", Map.of("tread", 1.4)).statusCode(200)
                .body("condition", equalTo("YELLOW"))
                .body("suggestedCondition", equalTo("RED"))
                .body("measurements[0].value", equalTo(1.4f))
                .body("measurements[0].suggests", equalTo("RED"))
                .body("version", equalTo(1));

        Map<String, Object> row = rows.one("select condition, note, measurements::text as m, inspected_by, version"
                + " from inspection_item where id = ?", tyre);
        assertEquals("YELLOW", row.get("condition"));
        assertEquals("Worn on the inside edge", row.get("note"));
        assertEquals("{\"tread\": 1.4}", row.get("m"));
        assertEquals(tom.id(), row.get("inspected_by"));
        assertEquals(List.of("job.inspection-started", "job.inspection-item-updated"), events(jobId));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ? and customer_visible", jobId));

        update(tom, tyre, 0, "RED", null, Map.of()).statusCode(409)
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.condition", equalTo("YELLOW"))
                .body("current.version", equalTo(1));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        start(tom, jobId).statusCode(201);
        UUID tyre = item(jobId, "tyre-front-left");
        Map<String, Object> before = rows.one("select * from inspection_item where id = ?", tyre);

        update(tom, tyre, 0, "PURPLE", null, Map.of()).statusCode(400);
        update(tom, tyre, 0, "GREEN", null, Map.of("depth", 5)).statusCode(400)
                .body("errors.field", hasItem("measurements.depth"));
        update(tom, tyre, 0, "GREEN", " ", Map.of("tread", 999999)).statusCode(400)
                .body("errors.field", hasItem("note"));
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON)
                .body(Map.of("name", "Broken", "sections", List.of(Map.of("title", "Tyres", "items", List.of(
                        Map.of("key", "tyre", "label", "Tyre", "customerVisible", true, "measurements", List.of(
                                Map.of("key", "tread", "label", "Tread", "unit", "mm", "badWhen", "BELOW",
                                        "yellowAt", 1.6, "redAt", 3))),
                        Map.of("key", "tyre", "label", "Again", "customerVisible", true, "measurements", List.of()))))))
                .post("/api/v1/inspection-templates")
                .then().statusCode(400)
                .body("errors.field", hasItem("sections[0].items[1].key"))
                .body("errors.field", hasItem("sections[0].items[0].measurements[0].redAt"));

        assertEquals(before, rows.one("select * from inspection_item where id = ?", tyre));
        assertEquals(1L, rows.count("select count(*) from inspection_template where garage_id = ?", garage.garageId));
    }

    @Test
    void anotherGaragesJobIsNotFoundAndAnotherTechniciansIsForbidden() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otto = other.customer("Otto", "Berg");
        UUID foreignJob = other.job(otto, other.vehicle(otto)).create();
        UUID foreignItem = firstItem(other.inspection(foreignJob, other.inspectionTemplate(other.advisor("Olaf")),
                other.technician("Oz")));
        start(tom, jobId).statusCode(201);
        UUID tyre = item(jobId, "tyre-front-left");

        start(alice, foreignJob).statusCode(404);
        update(tom, foreignItem, 0, "RED", null, Map.of()).statusCode(404);
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/{id}/inspection", foreignJob).then().statusCode(404);
        update(tina, tyre, 0, "RED", null, Map.of()).statusCode(403)
                .body("type", equalTo("urn:garage:problem:forbidden"));
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).body(Map.of("baseVersion", 0))
                .post("/api/v1/jobs/{id}/inspection/publish", jobId).then().statusCode(403);

        assertEquals(null, rows.one("select condition from inspection_item where id = ?", tyre).get("condition"));
        assertEquals(null, rows.one("select condition from inspection_item where id = ?", foreignItem)
                .get("condition"));
        assertEquals(2L, rows.count("select count(*) from audit_entry where garage_id = ? and outcome = 'REFUSED'"
                + " and action = 'inspection-item.update'", garage.garageId));
    }

    @Test
    void redAndYellowItemsBecomeRecommendedLinesForTheAdvisorToPriceAndTheBoardCountsRedItems() {
        start(tom, jobId).statusCode(201);
        inspectAll(tom, jobId, Map.of("tyre-front-left", "RED", "brake-pads-front", "YELLOW"));

        given().auth().oauth2(TOKENS.of(alice)).get("/api/v1/jobs/board?scope=garage").then().statusCode(200)
                .body("items.find { it.id == '" + jobId + "' }.redItems", equalTo(1));

        complete(tom, jobId, 0).statusCode(200).body("status", equalTo("COMPLETED"));
        List<Map<String, Object>> lines = rows.query("select l.id, l.necessity, l.awaiting_price, l.description,"
                + " i.item_key from estimate_line l join inspection_item i on i.id = l.inspection_item_id"
                + " where l.job_id = ? order by l.position", jobId);
        assertEquals(List.of("tyre-front-left", "brake-pads-front"), lines.stream().map(l -> l.get("item_key")).toList());
        lines.forEach(line -> {
            assertEquals("RECOMMENDED", line.get("necessity"));
            assertEquals(true, line.get("awaiting_price"));
        });
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/{id}/inspection", jobId).then().statusCode(200)
                .body("items.find { it.key == 'tyre-front-left' }.estimateLineId", equalTo(lines.get(0).get("id")
                        .toString()));

        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON)
                .body(Map.of("quantity", 1, "unitPriceMinor", 9500, "baseVersion", 0))
                .put("/api/v1/estimate-lines/{id}/price", lines.get(0).get("id"))
                .then().statusCode(200);
        assertEquals(false, rows.one("select awaiting_price from estimate_line where id = ?", lines.get(0).get("id"))
                .get("awaiting_price"));
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON)
                .body(Map.of("quantity", 2, "unitPriceMinor", 1, "baseVersion", 0))
                .put("/api/v1/estimate-lines/{id}/price", lines.get(0).get("id"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("current.id", equalTo(jobId.toString()))
                .body("current.estimate.lines.find { it.id == '" + lines.get(0).get("id") + "' }.unitPriceMinor",
                        equalTo(9500));
        assertEquals(9500L, ((Number) rows.one("select unit_price_minor from estimate_line where id = ?",
                lines.get(0).get("id")).get("unit_price_minor")).longValue());
        assertEquals(List.of("job.inspection-started", "job.inspection-item-updated", "job.inspection-item-updated",
                "job.inspection-item-updated", "job.inspection-item-updated", "job.inspection-item-updated",
                "job.inspection-item-updated", "job.inspection-completed", "job.estimate-line-priced"), events(jobId));
    }

    @Test
    void theNextInspectionOfTheVehicleCarriesTheLastOnesYellowAndRedItemsWithTheirPhotos() {
        start(tom, jobId).statusCode(201);
        inspectAll(tom, jobId, Map.of("tyre-front-left", "RED", "brake-fluid", "YELLOW"));
        complete(tom, jobId, 0).statusCode(200);
        UUID tyre = item(jobId, "tyre-front-left");
        UUID photo = media(jobId, tyre, "STORED", false);
        media(jobId, tyre, "UPLOADING", false);
        media(jobId, tyre, "STORED", true);
        UUID nextJob = garage.job(carl, car).assignedTo(tom).create();

        start(tom, nextJob).statusCode(201)
                .body("items.find { it.key == 'tyre-front-left' }.previous.itemId", equalTo(tyre.toString()))
                .body("items.find { it.key == 'tyre-front-left' }.previous.condition", equalTo("RED"))
                .body("items.find { it.key == 'tyre-front-left' }.previous.media.id", contains(photo.toString()))
                .body("items.find { it.key == 'tyre-front-left' }.previous.media[0].href",
                        equalTo("/api/v1/media/" + photo))
                .body("items.find { it.key == 'tyre-front-left' }.previous.media[0].thumbnailHref",
                        equalTo("/api/v1/media/" + photo + "/thumbnail"))
                .body("items.find { it.key == 'brake-fluid' }.previous.condition", equalTo("YELLOW"))
                .body("items.find { it.key == 'engine-oil' }.previous", nullValue());
        assertEquals(tyre, rows.one("select previous_item_id from inspection_item where job_id = ? and"
                + " item_key = 'tyre-front-left'", nextJob).get("previous_item_id"));
    }

    @Test
    void itemUpdatesAreWritableOfflineIdempotentlyAndAStaleOneConflictsWithTheCurrentItem() {
        start(tom, jobId).statusCode(201);
        UUID tyre = item(jobId, "tyre-front-left");
        UUID pads = item(jobId, "brake-pads-front");
        Map<String, Object> first = mutation(UUID.randomUUID(), tyre, 0, "RED", Map.of("tread", 1.2));
        List<Map<String, Object>> batch = List.of(first, mutation(UUID.randomUUID(), pads, 3, "GREEN", Map.of()));

        send(tom, batch).statusCode(200)
                .body("results.result", contains("applied", "conflict"))
                .body("results[0].record.condition", equalTo("RED"))
                .body("results[0].record.suggestedCondition", equalTo("RED"))
                .body("results[1].problem.type", equalTo("urn:garage:problem:stale-version"))
                .body("results[1].record.id", equalTo(pads.toString()))
                .body("results[1].record.version", equalTo(0));
        send(tom, batch).statusCode(200).body("results.result", contains("applied", "conflict"));

        assertEquals(1L, rows.one("select version from inspection_item where id = ?", tyre).get("version"));
        assertEquals(null, rows.one("select condition from inspection_item where id = ?", pads).get("condition"));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ? and"
                + " type = 'job.inspection-item-updated'", jobId));
    }

    @Test
    void theTechniciansOfflineCopyHoldsTheInspectionWithItsItemsAndTheTemplates() {
        start(tom, jobId).statusCode(201);
        UUID tyre = item(jobId, "tyre-front-left");
        UUID inspection = (UUID) rows.one("select id from inspection where job_id = ?", jobId).get("id");
        update(tom, tyre, 0, "RED", null, Map.of("tread", 1.0)).statusCode(200);

        var tomsCopy = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        var tinasCopy = new SyncReplica(TOKENS.of(tina)).catchUp(100);

        Map<String, Object> record = tomsCopy.records.get(SyncReplica.key("inspection",
                inspection));
        assertEquals(inspection.toString(), record.get("id"));
        assertEquals(6, ((List<?>) record.get("items")).size());
        assertEquals(true, tomsCopy.records.containsKey(SyncReplica.key(
                "inspection-template", template)));
        assertEquals(false, tinasCopy.records.containsKey(SyncReplica.key("inspection",
                inspection)));
        tomsCopy.assertChecksumMatches();
    }

    ValidatableResponse start(Person who, UUID job) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(Map.of("templateId", template))
                .post("/api/v1/jobs/{id}/inspection", job).then();
    }

    ValidatableResponse complete(Person who, UUID job, long version) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(Map.of("baseVersion", version))
                .post("/api/v1/jobs/{id}/inspection/complete", job).then();
    }

    ValidatableResponse update(Person who, UUID item, long version, String condition, String note,
            Map<String, Object> measurements) {
        Map<String, Object> body = new HashMap<>();
        body.put("condition", condition);
        body.put("note", note);
        body.put("measurements", measurements);
        body.put("baseVersion", version);
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/inspection-items/{id}", item).then();
    }

    /** Every item of the job's inspection green, but those named. */
    void inspectAll(Person who, UUID job, Map<String, String> findings) {
        rows.query("select id, item_key from inspection_item where job_id = ? order by position", job)
                .forEach(row -> update(who, (UUID) row.get("id"), 0,
                        findings.getOrDefault((String) row.get("item_key"), "GREEN"), null, Map.of())
                        .statusCode(200));
    }

    Map<String, Object> mutation(UUID clientId, UUID item, long version, String condition,
            Map<String, Object> measurements) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("condition", condition);
        payload.put("measurements", measurements);
        return new HashMap<>(Map.of("clientMutationId", clientId.toString(), "entity", "inspection-item",
                "operation", "update", "entityId", item.toString(), "baseVersion", version, "payload", payload));
    }

    ValidatableResponse send(Person who, List<Map<String, Object>> mutations) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "pixel-8-tom", "mutations", mutations))
                .post("/api/v1/sync/mutations").then();
    }

    UUID media(UUID job, UUID item, String status, boolean deleted) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into media (id, garage_id, job_id, target_type, target_id, kind, status, content_type,"
                + " declared_size, object_key, uploaded_by, created_at, updated_at, stored_at, deleted_at, deleted_by)"
                + " values (?, ?, ?, 'inspection-item', ?, 'PHOTO', ?, 'image/jpeg', 1000, ?, ?, now(), now(),"
                + " case when ? = 'STORED' then now() end, case when ? then now() end, case when ? then ?::uuid end)",
                id, garage.garageId, job, item, status, "media/" + id, tom.id(), status, deleted, deleted, tom.id());
        return id;
    }

    UUID item(UUID job, String key) {
        return (UUID) rows.one("select id from inspection_item where job_id = ? and item_key = ?", job, key).get("id");
    }

    UUID firstItem(UUID inspection) {
        return (UUID) rows.one("select id from inspection_item where inspection_id = ? and position = 0", inspection)
                .get("id");
    }

    List<Object> events(UUID job) {
        return rows.query("select type from job_event where job_id = ? order by seq", job).stream()
                .map(e -> e.get("type")).toList();
    }

    List<Object> actions() {
        return rows.query("select action from audit_entry where garage_id = ? and outcome = 'SUCCESS' order by id",
                garage.garageId).stream().map(e -> e.get("action")).toList();
    }
}
