package com.garage.mobile.customer.approvals;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.estimate.ShownContent;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer's estimate by revision, and their signed, immutable decisions on it. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class EstimateApprovalTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person carl;
    UUID jobId;
    UUID pads;
    UUID discs;
    UUID tyre;
    UUID tyrePhoto;

    @BeforeEach
    void createJobWithARecommendation() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100)
                .part("Front brake discs", "BD-2210", 8900, 5200)
                .create();
        List<Map<String, Object>> lines = rows.query("select id from estimate_line where job_id = ? order by position",
                jobId);
        pads = (UUID) lines.get(0).get("id");
        discs = (UUID) lines.get(1).get("id");
        UUID inspection = garage.inspection(jobId, garage.inspectionTemplate(tom), tom);
        UUID item = (UUID) rows.one("select id from inspection_item where inspection_id = ? and position = 0",
                inspection).get("id");
        garage.sql("update inspection set status = 'PUBLISHED', completed_at = now(), published_at = now(),"
                + " published_by = ? where id = ?", tom.id(), inspection);
        garage.sql("update inspection_item set condition = 'RED' where id = ?", item);
        tyrePhoto = garage.media(jobId, "inspection-item", item, tom);
        tyre = UUID.randomUUID();
        garage.sql("insert into estimate_line (id, garage_id, job_id, position, kind, description, quantity,"
                + " unit_price_minor, tax_rate_bp, necessity, inspection_item_id) values (?, ?, ?, 2, 'PART',"
                + " 'Front left tyre 205/55 R16', 1, 11000, 2000, 'RECOMMENDED', ?)", tyre, garage.garageId, jobId, item);
    }

    @Test
    void customerSeesTheEstimateGroupedWithRevisionHashAndTotals() {
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        assertEquals(3, shown.getInt("revision"), "each of the three lines was added in its own transaction");
        assertEquals("GBP", shown.getString("currency"));
        assertEquals("Noise from the front left wheel", shown.getString("groups[0].title"));
        assertEquals(List.of("Front brake pads", "Front brake discs"), shown.getList("groups[0].lines.description"));
        assertEquals("Front left tyre", shown.getString("groups[1].title"));
        assertEquals("RED", shown.getString("groups[1].condition"));
        assertEquals(List.of(tyrePhoto.toString()), shown.getList("groups[1].photoMediaIds"));
        assertEquals("RECOMMENDED", shown.getString("groups[1].lines[0].necessity"));
        assertEquals(6480 + 10680 + 13200, shown.getLong("totals.grossMinor"));
        assertEquals(5400 + 8900 + 11000, shown.getLong("totals.netMinor"));
        assertEquals(6480 + 10680, shown.getLong("totals.requiredGrossMinor"));
        assertEquals(13200, shown.getLong("totals.recommendedGrossMinor"));
        assertEquals(3, shown.getInt("totals.awaitingDecision"));
        assertEquals(64, shown.getString("contentHash").length());
    }

    @Test
    void approvingTwoAndDecliningOneMakesOneSignedRecordOfExactlyWhatWasShown() {
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        Instant signedInAt = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String token = TOKENS.builder(carl).amr("otp", "mfa").acr("urn:garage:acr:strong").authTime(signedInAt).sign();
        Signing.post(token, jobId, Signing.decide(shown, Map.of(pads, "APPROVED", discs, "APPROVED", tyre, "DECLINED")))
                .statusCode(201)
                .body("approval.revision", equalTo(shown.getInt("revision")))
                .body("approval.contentHash", equalTo(shown.getString("contentHash")))
                .body("approval.signerName", equalTo("Carl Jensen"))
                .body("approval.decisions", hasSize(3))
                .body("estimate.totals.approvedGrossMinor", equalTo(6480 + 10680))
                .body("estimate.totals.awaitingDecision", equalTo(0))
                .body("estimate.groups[1].lines[0].approvalStatus", equalTo("DECLINED"));

        Map<String, Object> record = rows.one("select * from estimate_approval where job_id = ?", jobId);
        assertEquals(shown.getString("contentHash"), record.get("content_hash"));
        assertEquals(ShownContent.sha256((String) record.get("shown_content")), record.get("content_hash"));
        assertTrue(((String) record.get("shown_content")).contains("\"unitPriceMinor\":8900"));
        assertEquals("urn:garage:acr:strong", record.get("acr"));
        assertEquals("otp mfa", record.get("amr"));
        assertEquals(signedInAt, ((java.sql.Timestamp) record.get("auth_time")).toInstant());
        assertEquals("carls-phone", record.get("device_id"));
        assertEquals(carl.subject(), record.get("subject"));
        assertEquals("TYPED", record.get("signature_kind"));
        assertEquals(Signing.CONSENT, record.get("consent_text"));
        assertEquals("2026-12", record.get("consent_version"));
        assertEquals(List.of("APPROVED", "APPROVED", "DECLINED"), statuses());
        Map<String, Object> event = rows.one("select type, customer_visible, payload::text as payload from job_event"
                + " where job_id = ?", jobId);
        assertEquals("job.estimate-decided", event.get("type"));
        assertTrue(event.get("payload").toString().contains(record.get("id").toString()));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'job.approve-estimate' and outcome = 'SUCCESS' and resource_id = ?", garage.garageId,
                jobId.toString()));
    }

    @Test
    void anApprovalRecordCanBeNeitherChangedNorDeleted() throws SQLException {
        Signing.post(TOKENS.builder(carl).steppedUp().sign(), jobId,
                Signing.decideAll(Signing.estimate(TOKENS.of(carl), jobId), "APPROVED")).statusCode(201);
        try (Connection connection = dataSource.getConnection()) {
            SQLException update = assertThrows(SQLException.class, () -> connection.createStatement()
                    .executeUpdate("update estimate_approval set signer_name = 'Someone else'"));
            assertTrue(update.getMessage().contains("append-only"));
            assertThrows(SQLException.class, () -> connection.createStatement()
                    .executeUpdate("delete from estimate_approval"));
        }
        assertEquals("Carl Jensen", rows.one("select signer_name from estimate_approval where job_id = ?", jobId)
                .get("signer_name"));
    }

    @Test
    void allAtOnceWithADrawnSignatureDecidesOnlyWhatAwaitsTheCustomer() {
        String token = TOKENS.builder(carl).steppedUp().sign();
        Signing.post(token, jobId, Signing.decide(Signing.estimate(TOKENS.of(carl), jobId), Map.of(tyre, "DECLINED")))
                .statusCode(201);
        Signing.post(token, jobId, Signing.drawn(Signing.decideAll(Signing.estimate(TOKENS.of(carl), jobId),
                        "APPROVED")))
                .statusCode(201)
                .body("approval.signatureKind", equalTo("DRAWN"))
                .body("approval.decisions", hasSize(2));
        assertEquals(List.of("APPROVED", "APPROVED", "DECLINED"), statuses());
        assertTrue(rows.one("select signature_strokes from estimate_approval where signature_kind = 'DRAWN'"
                + " and job_id = ?", jobId).get("signature_strokes").toString().startsWith("[[[10,500]"));
    }

    @Test
    void aDecisionOnAnOldRevisionGetsTheCurrentEstimateAndChangesNothing() {
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        garage.sql("update estimate_line set unit_price_minor = 9900 where id = ?", discs);
        Signing.post(TOKENS.builder(carl).steppedUp().sign(), jobId, Signing.decideAll(shown, "APPROVED"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:estimate-revised"))
                .body("detail", containsString("now at revision " + (shown.getInt("revision") + 1)))
                .body("current.revision", equalTo(shown.getInt("revision") + 1))
                .body("current.groups[0].lines[1].unitPriceMinor", equalTo(9900));
        assertNothingDecided();
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'job.approve-estimate' and outcome = 'CONFLICT'", garage.garageId));
    }

    @Test
    void aHashOfSomethingElseIsRefusedLikeAnOldRevision() {
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        Map<String, Object> body = Signing.decideAll(shown, "APPROVED");
        body.put("contentHash", "0".repeat(64));
        Signing.post(TOKENS.builder(carl).steppedUp().sign(), jobId, body)
                .statusCode(409).body("type", equalTo("urn:garage:problem:estimate-revised"))
                .body("current.revision", equalTo(shown.getInt("revision")))
                .body("current.contentHash", equalTo(shown.getString("contentHash")));
        assertNothingDecided();
    }

    @Test
    void aLineWhosePriceChangesAfterApprovalNeedsApprovalAgain() {
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        Signing.post(TOKENS.builder(carl).steppedUp().sign(), jobId, Signing.decideAll(shown, "APPROVED"))
                .statusCode(201);
        assertEquals(shown.getInt("revision"), Signing.estimate(TOKENS.of(carl), jobId).getInt("revision"),
                "deciding is no revision");
        garage.sql("update estimate_line set unit_price_minor = 9900 where id = ?", discs);
        garage.sql("update estimate_line set description = 'Front brake pads (ceramic)' where id = ?", pads);
        JsonPath now = Signing.estimate(TOKENS.of(carl), jobId);
        assertEquals(shown.getInt("revision") + 2, now.getInt("revision"));
        assertEquals(List.of("APPROVED", "PENDING", "APPROVED"), statuses());
        assertNull(rows.one("select decided_at from estimate_line where id = ?", discs).get("decided_at"));
        assertEquals(1, now.getInt("totals.awaitingDecision"));
    }

    @Test
    void withoutARecentStrongSignInNothingIsDecided() {
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        for (String token : List.of(TOKENS.of(carl),
                TOKENS.builder(carl).amr("bio").authTime(Instant.now().minusSeconds(3600)).sign())) {
            Signing.post(token, jobId, Signing.decideAll(shown, "APPROVED"))
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:step-up-required"));
        }
        assertNothingDecided();
    }

    @Test
    void badDecisionsAreExplainedAndChangeNothing() {
        String token = TOKENS.builder(carl).steppedUp().sign();
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        Map<String, Object> both = Signing.decide(shown, Map.of(pads, "APPROVED"));
        both.put("all", "APPROVED");
        expect400(token, both, "decisions");
        expect400(token, Signing.signed(shown), "decisions");
        Map<String, Object> twice = Signing.signed(shown);
        twice.put("decisions", List.of(Map.of("lineId", pads.toString(), "decision", "APPROVED"),
                Map.of("lineId", pads.toString(), "decision", "DECLINED")));
        expect400(token, twice, "decisions");
        Map<String, Object> typedAndDrawn = Signing.drawn(Signing.decideAll(shown, "APPROVED"));
        typedAndDrawn.put("signature", Map.of("typedName", "Carl", "strokes", List.of(List.of(List.of(1, 2)))));
        expect400(token, typedAndDrawn, "signature");
        Map<String, Object> unsigned = Signing.decideAll(shown, "APPROVED");
        unsigned.put("signature", Map.of());
        expect400(token, unsigned, "signature");
        Map<String, Object> offCanvas = Signing.decideAll(shown, "APPROVED");
        offCanvas.put("signature", Map.of("strokes", List.of(List.of(List.of(1, 2000)))));
        expect400(token, offCanvas, "signature.strokes[0][0][1]");
        Map<String, Object> noConsent = Signing.decideAll(shown, "APPROVED");
        noConsent.remove("consent");
        expect400(token, noConsent, "consent");
        Map<String, Object> badHash = Signing.decideAll(shown, "APPROVED");
        badHash.put("contentHash", "not a hash");
        expect400(token, badHash, "contentHash");
        Map<String, Object> pending = Signing.decideAll(shown, "PENDING");
        expect400(token, pending, "all");
        Signing.post(token, jobId, Signing.decide(shown, Map.of(UUID.randomUUID(), "APPROVED")))
                .statusCode(404).contentType("application/problem+json");
        assertNothingDecided();
    }

    @Test
    void aLineIsDecidedOnlyOnce() {
        String token = TOKENS.builder(carl).steppedUp().sign();
        Signing.post(token, jobId, Signing.decide(Signing.estimate(TOKENS.of(carl), jobId), Map.of(pads, "APPROVED")))
                .statusCode(201);
        Signing.post(token, jobId, Signing.decide(Signing.estimate(TOKENS.of(carl), jobId), Map.of(pads, "DECLINED")))
                .statusCode(409)
                .body("type", equalTo("urn:garage:problem:invalid-transition"))
                .body("detail", containsString("already approved"));
        assertEquals(List.of("APPROVED", "PENDING", "PENDING"), statuses());
        assertEquals(1L, rows.count("select count(*) from estimate_approval where job_id = ?", jobId));
    }

    @Test
    void anotherCustomersEstimateIsNotFound() {
        Person cora = garage.customer("Cora", "Li");
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        given().auth().oauth2(TOKENS.of(cora)).when().get("/api/v1/jobs/" + jobId + "/estimate")
                .then().statusCode(404).contentType("application/problem+json");
        Signing.post(TOKENS.builder(cora).steppedUp().sign(), jobId, Signing.decideAll(shown, "APPROVED"))
                .statusCode(404);
        assertNothingDecided();
    }

    @Test
    void aFinishedJobsEstimateCannotBeDecided() {
        JsonPath shown = Signing.estimate(TOKENS.of(carl), jobId);
        garage.sql("update job_card set status = 'READY_FOR_PICKUP' where id = ?", jobId);
        Signing.post(TOKENS.builder(carl).steppedUp().sign(), jobId, Signing.decideAll(shown, "APPROVED"))
                .statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));
        assertNothingDecided();
    }

    @Test
    void declinedWorkStaysOnTheCustomersVehicle() {
        Signing.post(TOKENS.builder(carl).steppedUp().sign(), jobId,
                Signing.decide(Signing.estimate(TOKENS.of(carl), jobId), Map.of(tyre, "DECLINED"))).statusCode(201);
        UUID vehicle = (UUID) rows.one("select vehicle_id from job_card where id = ?", jobId).get("vehicle_id");
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/vehicles/" + vehicle + "/declined-work")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].lineId", equalTo(tyre.toString()))
                .body("[0].necessity", equalTo("RECOMMENDED"))
                .body("[0].grossMinor", equalTo(13200));
        given().auth().oauth2(TOKENS.of(garage.customer("Cora", "Li"))).when()
                .get("/api/v1/vehicles/" + vehicle + "/declined-work")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private void expect400(String token, Map<String, Object> body, String field) {
        Signing.post(token, jobId, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    private void assertNothingDecided() {
        assertEquals(List.of("PENDING", "PENDING", "PENDING"), statuses());
        assertEquals(0L, rows.count("select count(*) from estimate_approval where job_id = ?", jobId));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }

    private List<Object> statuses() {
        return rows.query("select approval_status from estimate_line where job_id = ? order by position", jobId)
                .stream().map(row -> row.get("approval_status")).toList();
    }
}
