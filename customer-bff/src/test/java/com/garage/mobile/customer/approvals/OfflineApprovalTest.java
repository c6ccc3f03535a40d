package com.garage.mobile.customer.approvals;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.estimate.ShownContent;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Estimate decisions queued offline ({@code estimate decide}) and applied on sync. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OfflineApprovalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person carl;
    UUID jobId;
    UUID pads;
    UUID discs;
    JsonPath shown;

    @BeforeEach
    void estimateShownBeforeTheSignalWent() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(garage.technician("Tom Reyes"))
                .status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100)
                .part("Front brake discs", "BD-2210", 8900, 5200)
                .create();
        List<Map<String, Object>> lines = rows.query("select id from estimate_line where job_id = ? order by position",
                jobId);
        pads = (UUID) lines.get(0).get("id");
        discs = (UUID) lines.get(1).get("id");
        shown = Signing.estimate(TOKENS.of(carl), jobId);
    }

    @Test
    void aQueuedDecisionIsAppliedAsTheOnlineOneWithTheSyncTokensStrongSignIn() {
        UUID mutationId = UUID.randomUUID();
        Instant signedInAt = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String strong = TOKENS.builder(carl).amr("otp", "mfa").acr("urn:garage:acr:strong").authTime(signedInAt).sign();
        send(strong, decide(mutationId, Map.of(pads, "APPROVED", discs, "DECLINED")))
                .statusCode(200)
                .body("results[0].result", equalTo("applied"))
                .body("results[0].entity", equalTo("estimate"))
                .body("results[0].entityId", equalTo(jobId.toString()))
                .body("results[0].version", equalTo(shown.getInt("revision")))
                .body("results[0].record.approval.revision", equalTo(shown.getInt("revision")))
                .body("results[0].record.approval.contentHash", equalTo(shown.getString("contentHash")))
                .body("results[0].record.estimate.totals.awaitingDecision", equalTo(0));

        assertEquals(List.of("APPROVED", "DECLINED"), statuses());
        Map<String, Object> record = rows.one("select revision, content_hash, shown_content, signer_name, acr,"
                + " amr, auth_time, device_id, consent_version from estimate_approval where job_id = ?", jobId);
        assertEquals(shown.getInt("revision"), record.get("revision"));
        assertEquals(shown.getString("contentHash"), record.get("content_hash"));
        assertEquals(record.get("content_hash"), ShownContent.sha256((String) record.get("shown_content")));
        assertEquals("Carl Jensen", record.get("signer_name"));
        assertEquals("urn:garage:acr:strong", record.get("acr"));
        assertEquals("otp mfa", record.get("amr"));
        assertEquals(signedInAt, ((java.sql.Timestamp) record.get("auth_time")).toInstant());
        assertEquals("iphone-carl", record.get("device_id"));
        assertEquals("2026-12", record.get("consent_version"));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ? and type = 'job.estimate-decided'",
                jobId));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'job.approve-estimate' and outcome = 'SUCCESS' and device_id = 'iphone-carl'", garage.garageId));
    }

    @Test
    void aReplayedMutationReturnsTheFirstResultAndMakesNoSecondRecord() throws Exception {
        Map<String, Object> mutation = decideAll(UUID.randomUUID(), "APPROVED");
        String token = TOKENS.builder(carl).steppedUp().sign();
        JsonNode first = JSON.readTree(send(token, mutation).statusCode(200).extract().asString());
        assertEquals("applied", first.at("/results/0/result").asText());

        JsonNode replay = JSON.readTree(send(token, mutation).statusCode(200).extract().asString());

        assertEquals(first, replay);
        assertEquals(1L, rows.count("select count(*) from estimate_approval where job_id = ?", jobId));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ?", jobId));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'job.approve-estimate'", garage.garageId));
    }

    @Test
    void aDecisionOnARevisionChangedMeanwhileIsAConflictWithTheNewEstimateAndStoresNothing() {
        garage.sql("update estimate_line set unit_price_minor = 9900 where id = ?", discs);
        int revised = shown.getInt("revision") + 1;
        UUID mutationId = UUID.randomUUID();

        send(TOKENS.builder(carl).steppedUp().sign(), decideAll(mutationId, "APPROVED"))
                .statusCode(200)
                .body("results[0].result", equalTo("conflict"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:estimate-revised"))
                .body("results[0].problem.detail", containsString("now at revision " + revised))
                .body("results[0].version", equalTo(revised))
                .body("results[0].record.approval", nullValue())
                .body("results[0].record.estimate.revision", equalTo(revised))
                .body("results[0].record.estimate.groups[0].lines[1].unitPriceMinor", equalTo(9900));

        assertNothingDecided();
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'job.approve-estimate' and outcome = 'CONFLICT'", garage.garageId));
        assertEquals(1L, rows.count("select count(*) from sync_mutation where client_mutation_id = ?", mutationId),
                "the conflict is the mutation's answer: the app asks again with a new mutation");
    }

    @Test
    void aContentHashOfSomethingElseIsAConflictToo() {
        Map<String, Object> mutation = decideAll(UUID.randomUUID(), "APPROVED");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) mutation.get("payload");
        payload.put("contentHash", "0".repeat(64));
        send(TOKENS.builder(carl).steppedUp().sign(), mutation)
                .statusCode(200)
                .body("results[0].result", equalTo("conflict"))
                .body("results[0].record.estimate.contentHash", equalTo(shown.getString("contentHash")));
        assertNothingDecided();
    }

    @Test
    void withoutAStrongSignInAtSyncTimeItIsRejectedUnrecordedAndAppliesAfterTheStepUp() {
        UUID mutationId = UUID.randomUUID();
        Map<String, Object> mutation = decideAll(mutationId, "APPROVED");

        send(TOKENS.of(carl), mutation)
                .statusCode(200)
                .body("results[0].result", equalTo("rejected"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:step-up-required"))
                .body("results[0].stepUp.acrValues", hasItem("urn:garage:acr:strong"))
                .body("results[0].stepUp.maxAge", equalTo(300));
        assertNothingDecided();
        assertEquals(0L, rows.count("select count(*) from sync_mutation where client_mutation_id = ?", mutationId));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'job.approve-estimate' and outcome = 'REFUSED'", garage.garageId));

        send(TOKENS.builder(carl).steppedUp().sign(), mutation)
                .statusCode(200).body("results[0].result", equalTo("applied"));
        assertEquals(List.of("APPROVED", "APPROVED"), statuses());
    }

    @Test
    void badPayloadsAndOthersJobsAreRejectedAndChangeNothing() {
        Person cora = garage.customer("Cora", "Li");
        Map<String, Object> unsigned = decideAll(UUID.randomUUID(), "APPROVED");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) unsigned.get("payload");
        payload.remove("signature");
        payload.put("amountMinor", 1);
        Map<String, Object> withBase = decideAll(UUID.randomUUID(), "APPROVED");
        withBase.put("baseVersion", 1);
        Map<String, Object> bothWays = decideAll(UUID.randomUUID(), "APPROVED");
        @SuppressWarnings("unchecked")
        Map<String, Object> both = (Map<String, Object>) bothWays.get("payload");
        both.put("decisions", List.of(Map.of("lineId", pads.toString(), "decision", "DECLINED")));

        send(TOKENS.builder(carl).steppedUp().sign(), unsigned, withBase, bothWays)
                .statusCode(200)
                .body("results[0].result", equalTo("rejected"))
                .body("results[0].problem.errors.field", hasItem("payload.amountMinor"))
                .body("results[1].result", equalTo("rejected"))
                .body("results[1].problem.errors.field", hasItem("baseVersion"))
                .body("results[2].result", equalTo("rejected"))
                .body("results[2].problem.errors.field", hasItem("payload.decisions"));
        send(TOKENS.builder(cora).steppedUp().sign(), decideAll(UUID.randomUUID(), "APPROVED"))
                .statusCode(200)
                .body("results[0].result", equalTo("rejected"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:not-found"));
        assertNothingDecided();
    }

    private Map<String, Object> decide(UUID id, Map<UUID, String> decisions) {
        return mutation(id, Signing.decide(shown, decisions));
    }

    private Map<String, Object> decideAll(UUID id, String decision) {
        return mutation(id, Signing.decideAll(shown, decision));
    }

    private Map<String, Object> mutation(UUID id, Map<String, Object> payload) {
        Map<String, Object> mutation = new HashMap<>();
        mutation.put("clientMutationId", id);
        mutation.put("entity", "estimate");
        mutation.put("operation", "decide");
        mutation.put("entityId", jobId);
        mutation.put("payload", payload);
        return mutation;
    }

    private static ValidatableResponse send(String token, Object... mutations) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "iphone-carl", "mutations", List.of(mutations)))
                .when().post("/api/v1/sync/mutations")
                .then();
    }

    private void assertNothingDecided() {
        assertEquals(List.of("PENDING", "PENDING"), statuses());
        assertEquals(0L, rows.count("select count(*) from estimate_approval where job_id = ?", jobId));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }

    private List<Object> statuses() {
        return rows.query("select approval_status from estimate_line where job_id = ? order by position", jobId)
                .stream().map(row -> row.get("approval_status")).toList();
    }
}
