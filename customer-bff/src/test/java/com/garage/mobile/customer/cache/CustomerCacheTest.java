package com.garage.mobile.customer.cache;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.api.jobs.JobScreens;
import com.garage.mobile.domain.customer.ProfileChangeListener;
import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.platform.cache.CacheMetrics;
import com.garage.mobile.platform.cache.HotPayloadCache;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerCacheTest {

    @Inject
    DataSource dataSource;
    @Inject
    CacheMetrics metrics;
    @Inject
    ProfileChangeListener evictions;
    @Inject
    HotPayloadCache cache;
    @Inject
    JobStatusService statuses;
    @Inject
    JobAssignmentService assignments;

    GarageFixture garage;
    Person tom;
    Person carl;
    UUID golf;
    UUID job;

    @BeforeEach
    void createJob() {
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        golf = garage.vehicle(carl);
        job = garage.job(carl, golf).assignedTo(tom).step("Inspect brakes").create();
    }

    @Test
    void jobViewIsCachedUntilTheTechniciansStatusChangeOnTheOtherBffEvictsIt() {
        double loads = metrics.loads("customer-job");
        jobConcern("Noise from the front left wheel");
        garage.sql("update job_card set concern = 'Brakes squeal' where id = ?", job);
        jobConcern("Noise from the front left wheel");
        assertEquals(loads + 1, metrics.loads("customer-job"));

        // The technician's change, through the shared domain path technician-bff uses.
        new Workshop(statuses, assignments).change(tom, job, JobStatus.IN_PROGRESS);

        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/jobs/" + job)
                .then().statusCode(200)
                .body("concern", equalTo("Brakes squeal"))
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void jobListIsCachedUntilAJobEventEvictsIt() {
        listStatus("OPEN");
        garage.sql("update job_card set status = 'IN_PROGRESS' where id = ?", job);
        listStatus("OPEN");

        new Workshop(statuses, assignments).change(tom, job, JobStatus.AWAITING_PARTS);

        listStatus("AWAITING_PARTS");
    }

    @Test
    void profileIsCachedUntilTheProfileIsEvicted() {
        profileName("Carl");
        garage.sql("update customer set first_name = 'Carlos' where id = ?", carl.id());
        profileName("Carl");

        evictions.profileChanged(garage.garageId, carl.id()).await().atMost(Duration.ofSeconds(5));

        profileName("Carlos");
    }

    @Test
    void anotherCustomersCachedJobIsNeverServed() {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/jobs/" + job).then().statusCode(200);
        Person dora = garage.customer("Dora", "Lane");

        given().auth().oauth2(TOKENS.of(dora)).when().get("/api/v1/jobs/" + job)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unchangedEntitiesAnswer304WithNoBody() {
        UUID visit = garage.appointment(carl, golf, Instant.now().plus(Duration.ofDays(3)), "CONFIRMED");
        for (String path : new String[] {"/api/v1/profile", "/api/v1/vehicles/" + golf,
                "/api/v1/appointments/" + visit, "/api/v1/jobs/" + job}) {
            String etag = given().auth().oauth2(TOKENS.of(carl)).when().get(path)
                    .then().statusCode(200).extract().header("ETag");
            given().auth().oauth2(TOKENS.of(carl)).header("If-None-Match", etag).when().get(path)
                    .then().statusCode(304).header("ETag", equalTo(etag)).body(emptyString());
        }
    }

    @Test
    void sharedNoteGivesTheJobANewETagThoughItsVersionStayed() {
        String before = given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/jobs/" + job)
                .then().statusCode(200).header("ETag", matchesPattern("\"0-[A-Za-z0-9_-]{12}\""))
                .extract().header("ETag");
        garage.sql("insert into job_note (id, garage_id, job_id, author_staff_id, visibility, body)"
                + " values (?, ?, ?, ?, 'CUSTOMER', 'Pads worn')", UUID.randomUUID(), garage.garageId, job, tom.id());
        cache.evict(List.of(JobScreens.customerJobs(garage.garageId, carl.id()))).await().atMost(Duration.ofSeconds(5));

        given().auth().oauth2(TOKENS.of(carl)).header("If-None-Match", before).when().get("/api/v1/jobs/" + job)
                .then().statusCode(200)
                .header("ETag", matchesPattern("\"0-[A-Za-z0-9_-]{12}\""))
                .header("ETag", not(equalTo(before)))
                .body("notes[0].body", equalTo("Pads worn"));
    }

    private void jobConcern(String concern) {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/jobs/" + job)
                .then().statusCode(200).body("concern", equalTo(concern));
    }

    private void listStatus(String status) {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/jobs")
                .then().statusCode(200).body("items[0].status", equalTo(status));
    }

    private void profileName(String firstName) {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/profile")
                .then().statusCode(200).body("firstName", equalTo(firstName));
    }
}
