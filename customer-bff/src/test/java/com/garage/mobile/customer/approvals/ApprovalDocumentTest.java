package com.garage.mobile.customer.approvals;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer downloads their approval record as a PDF; nobody else's. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ApprovalDocumentTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person carl;
    UUID jobId;
    UUID approvalId;

    @BeforeEach
    void approveTwoLinesAndDeclineOne() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100)
                .part("Front brake discs", "BD-2210", 8900, 5200)
                .part("Cabin filter", "CF-1", 2500, 900)
                .create();
        List<UUID> lines = rows.query("select id from estimate_line where job_id = ? order by position", jobId)
                .stream().map(row -> (UUID) row.get("id")).toList();
        Map<String, Object> body = Signing.decide(Signing.estimate(TOKENS.of(carl), jobId),
                Map.of(lines.get(0), "APPROVED", lines.get(1), "APPROVED", lines.get(2), "DECLINED"));
        approvalId = UUID.fromString(Signing.post(TOKENS.builder(carl).steppedUp().sign(), jobId, Signing.drawn(body))
                .statusCode(201).extract().path("approval.id"));
    }

    @Test
    void customerDownloadsTheRecordWithLinesPricesAndSigner() throws IOException {
        byte[] pdf = given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/estimate-approvals/" + approvalId + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = text(pdf);
        for (String expected : List.of("Front brake pads", "Front brake discs", "Cabin filter", "54.00 GBP", "64.80 GBP",
                "106.80 GBP", "APPROVED", "DECLINED", "Carl Jensen", "drawn signature", Signing.CONSENT, "2026-12",
                (String) rows.one("select content_hash from estimate_approval where id = ?", approvalId)
                        .get("content_hash"))) {
            assertTrue(text.contains(expected), "the PDF does not say " + expected + ":\n" + text);
        }
    }

    @Test
    void customerListsAndReadsTheirRecords() {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/jobs/" + jobId + "/estimate-approvals")
                .then().statusCode(200).body("[0].id", equalTo(approvalId.toString()))
                .body("[0].decisions.size()", equalTo(3));
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/estimate-approvals/" + approvalId)
                .then().statusCode(200).body("signatureKind", equalTo("DRAWN"));
    }

    @Test
    void anotherCustomerGetsNotFound() {
        Person cora = garage.customer("Cora", "Li");
        for (String path : List.of("/api/v1/estimate-approvals/" + approvalId + "/pdf",
                "/api/v1/estimate-approvals/" + approvalId, "/api/v1/jobs/" + jobId + "/estimate-approvals")) {
            given().auth().oauth2(TOKENS.of(cora)).when().get(path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        assertEquals(1L, rows.count("select count(*) from estimate_approval where job_id = ?", jobId));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
