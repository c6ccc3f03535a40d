package com.garage.mobile.customer.media;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a customer may fetch of the photos and videos taken of their car, and what stays with the shop. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerMediaTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person carl;
    Person cora;
    UUID stepPhoto;
    UUID internalPhoto;
    UUID corasPhoto;

    @BeforeEach
    void photosOfTwoCustomersJobs() {
        garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        UUID carlsJob = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).step("Replace pads").create();
        UUID step = (UUID) new Rows(dataSource).one("select id from job_step where job_id = ?", carlsJob).get("id");
        stepPhoto = garage.media(carlsJob, "job-step", step, tom);
        internalPhoto = garage.media(carlsJob, "job", carlsJob, tom);
        UUID corasJob = garage.job(cora, garage.vehicle(cora)).assignedTo(tom).step("Wash").create();
        UUID corasStep = (UUID) new Rows(dataSource).one("select id from job_step where job_id = ?", corasJob).get("id");
        corasPhoto = garage.media(corasJob, "job-step", corasStep, tom);
    }

    @Test
    void customerFetchesTheirVisibleMediaThroughAShortLivedSignedUrl() {
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", stepPhoto)
                .then().statusCode(303)
                .header("Location", containsString("/" + stepPhoto))
                .header("Location", containsString("X-Amz-Signature="))
                .header("Location", containsString("X-Amz-Expires=300"));
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}/thumbnail", stepPhoto)
                .then().statusCode(303).header("Location", containsString(".thumbnail.jpg"));
    }

    @Test
    void customerCannotSeeInternalOrAnotherCustomersOrDeletedMedia() {
        for (UUID hidden : new UUID[] {internalPhoto, corasPhoto, UUID.randomUUID()}) {
            given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", hidden)
                    .then().statusCode(404).body("type", equalTo("urn:garage:problem:not-found"));
        }
        garage.sql("update media set deleted_at = now(), deleted_by = uploaded_by where id = ?", stepPhoto);
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", stepPhoto)
                .then().statusCode(404);
    }

    @Test
    void anotherGaragesCustomerGets404() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person sam = other.customer("Sam", "Other");
        given().auth().oauth2(TOKENS.of(sam)).redirects().follow(false).get("/api/v1/media/{id}", stepPhoto)
                .then().statusCode(404);
    }

    @Test
    void theCustomersCopyHoldsOnlyTheirVisibleMedia() {
        SyncReplica replica = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        assertTrue(replica.records.containsKey(SyncReplica.key("media", stepPhoto)));
        assertFalse(replica.records.containsKey(SyncReplica.key("media", internalPhoto)));
        assertFalse(replica.records.containsKey(SyncReplica.key("media", corasPhoto)));
        assertEquals("/api/v1/media/" + stepPhoto, replica.records.get(SyncReplica.key("media", stepPhoto)).get("href"));
        replica.assertChecksumMatches();

        garage.sql("update media set deleted_at = now(), deleted_by = uploaded_by where id = ?", stepPhoto);
        replica.catchUpUntil(100, r -> r.tombstoned.contains(SyncReplica.key("media", stepPhoto)));
        replica.assertChecksumMatches();
    }
}
