package com.garage.mobile.technician.cache;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobCardETagTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person tom;
    UUID job;

    @BeforeEach
    void createJob() {
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).step("Inspect brakes").create();
    }

    @Test
    void unchangedJobCardAnswers304WithNoBody() {
        String etag = etagOfJob();

        given().auth().oauth2(TOKENS.of(tom)).header("If-None-Match", etag)
                .when().get("/api/v1/jobs/" + job)
                .then().statusCode(304).header("ETag", equalTo(etag)).body(emptyString());
        given().auth().oauth2(TOKENS.of(tom)).header("If-None-Match", "W/" + etag + ", \"7\"")
                .when().get("/api/v1/jobs/" + job)
                .then().statusCode(304);
    }

    @Test
    void etagHashesTheBytesSent() throws Exception {
        var answer = given().auth().oauth2(TOKENS.of(tom)).header("Accept-Encoding", "identity")
                .when().get("/api/v1/jobs/" + job)
                .then().statusCode(200).contentType(ContentType.JSON).body("number", notNullValue())
                .extract();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(answer.asByteArray());
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));

        assertEquals("\"0-" + hash + "\"", answer.header("ETag"));
    }

    @Test
    void changedStepGivesA200WithANewETagThoughTheJobsVersionStayed() {
        String before = etagOfJob();
        garage.sql("update job_step set status = 'DONE' where job_id = ?", job);

        String after = given().auth().oauth2(TOKENS.of(tom)).header("If-None-Match", before)
                .when().get("/api/v1/jobs/" + job)
                .then().statusCode(200).body("steps[0].status", equalTo("DONE"))
                .header("ETag", not(equalTo(before)))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertTrue(after.startsWith("\"0-"));
    }

    @Test
    void addedNoteGivesANewETag() {
        String before = etagOfJob();
        garage.sql("insert into job_note (id, garage_id, job_id, author_staff_id, visibility, body)"
                + " values (?, ?, ?, ?, 'INTERNAL', 'Pads worn')", UUID.randomUUID(), garage.garageId, job, tom.id());

        given().auth().oauth2(TOKENS.of(tom)).header("If-None-Match", before)
                .when().get("/api/v1/jobs/" + job)
                .then().statusCode(200).header("ETag", not(equalTo(before)));
    }

    @Test
    void compositeETagIsAcceptedAsIfMatchForItsVersion() {
        String etag = etagOfJob();

        given().auth().oauth2(TOKENS.of(tom)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS"))
                .when().post("/api/v1/jobs/" + job + "/status")
                .then().statusCode(200).body("version", equalTo(1))
                .header("ETag", matchesPattern("\"1-[A-Za-z0-9_-]+\""));
        given().auth().oauth2(TOKENS.of(tom)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("status", "AWAITING_PARTS"))
                .when().post("/api/v1/jobs/" + job + "/status")
                .then().statusCode(409);
    }

    private String etagOfJob() {
        return given().auth().oauth2(TOKENS.of(tom))
                .when().get("/api/v1/jobs/" + job)
                .then().statusCode(200).header("ETag", matchesPattern("\"0-[A-Za-z0-9_-]{12}\""))
                .extract().header("ETag");
    }
}
