package com.garage.mobile.technician.approvals;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.estimate.ApprovalRequest;
import com.garage.mobile.domain.estimate.CustomerEstimate;
import com.garage.mobile.domain.estimate.EstimateApproval;
import com.garage.mobile.domain.estimate.EstimateApprovalService;
import com.garage.mobile.domain.estimate.EstimateApprovals;
import com.garage.mobile.domain.estimate.Signature;
import com.garage.mobile.domain.estimate.StrongSignIn;
import com.garage.mobile.domain.job.LineDecision;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The garage's staff see a customer's signed decisions live, and keep the record as a PDF. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AdvisorSeesApprovalsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    EstimateApprovalService approvals;

    @Inject
    EstimateApprovals estimates;

    Rows rows;
    GarageFixture garage;
    Person alice;
    Person carl;
    UUID jobId;
    LiveClient alicesBoard;

    @BeforeEach
    void createJobAwaitingApproval() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100).create();
    }

    @AfterEach
    void disconnect() {
        if (alicesBoard != null) {
            alicesBoard.close();
        }
    }

    @Test
    void advisorSeesTheDecisionLiveAndDownloadsTheRecord() throws IOException {
        alicesBoard = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(alice), null);
        EstimateApproval record = approveAll();

        JsonObject event = alicesBoard.awaitEvents(1).get(0);
        assertEquals("job.estimate-decided", event.getString("event"));
        assertEquals(jobId.toString(), event.getString("jobId"));
        assertEquals(record.id.toString(), event.getJsonObject("data").getString("approvalId"));
        assertEquals("customer", event.getString("actorRole"));

        byte[] pdf = given().auth().oauth2(TOKENS.of(alice)).when()
                .get("/api/v1/estimate-approvals/" + record.id + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("Front brake pads", "64.80 GBP", "APPROVED", "Carl Jensen")) {
                assertTrue(text.contains(expected), "the PDF does not say " + expected + ":\n" + text);
            }
        }
    }

    @Test
    void anotherGaragesStaffGetNotFound() {
        EstimateApproval record = approveAll();
        GarageFixture other = GarageFixture.create(dataSource);
        Person olaf = other.advisor("Olaf Berg");
        for (String path : List.of("/api/v1/estimate-approvals/" + record.id + "/pdf",
                "/api/v1/jobs/" + jobId + "/estimate-approvals")) {
            given().auth().oauth2(TOKENS.of(olaf)).when().get(path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    private EstimateApproval approveAll() {
        var customer = carl.actor().from(Origin.app("carls-phone", "127.0.0.1", "req-1"));
        try {
            CustomerEstimate shown = VertxContextSupport.subscribeAndAwait(() -> estimates.estimate(customer, jobId));
            return VertxContextSupport.subscribeAndAwait(() -> approvals.decide(customer, jobId, new ApprovalRequest(
                    shown.revision(), shown.contentHash(), List.of(), LineDecision.APPROVED,
                    new Signature("Carl Jensen", List.of()), "I approve the work.", "v1",
                    new StrongSignIn(null, List.of("bio"), Instant.now()))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
