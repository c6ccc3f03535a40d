package com.garage.mobile.customer.inspections;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.garage.mobile.domain.inspection.InspectionLifecycle;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer sees a published inspection of their own repair, its visible items and photos, live. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerInspectionTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    InspectionLifecycle lifecycle;

    Rows rows;
    GarageFixture garage;
    Person alice;
    Person tom;
    Person carl;
    Person cora;
    UUID jobId;
    UUID inspection;
    UUID tyre;
    UUID internal;

    @BeforeEach
    void createInspection() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).status("IN_PROGRESS").create();
        inspection = garage.inspection(jobId, garage.inspectionTemplate(alice), tom);
        tyre = item("tyre-front-left");
        internal = item("workshop-checks");
        garage.sql("update inspection_item set condition = 'RED', note = 'Tread at 1.4 mm',"
                + " measurements = '{\"tread\": 1.4}' where id = ?", tyre);
        garage.sql("update inspection_item set condition = 'GREEN', note = 'Loose heat shield' where id = ?", internal);
        garage.sql("update inspection set status = 'COMPLETED', completed_at = now() where id = ?", inspection);
    }

    @Test
    void anUnpublishedInspectionIsNotFoundForItsCustomer() {
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/jobs/{id}/inspection", jobId).then().statusCode(404)
                .body("type", equalTo("urn:garage:problem:not-found"));
    }

    @Test
    void oncePublishedTheCustomerSeesItsVisibleItemsWithTheirPhotosLiveAndNobodyElseDoes() {
        UUID photo = media(tyre, "STORED");
        media(tyre, "UPLOADING");
        media(internal, "STORED");
        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null)) {
            publish();

            JsonObject event = carlsApp.awaitEvents(1).getFirst();
            assertEquals("job", event.getString("topic"));
            assertEquals("job.inspection-published", event.getString("event"));
        }

        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/jobs/{id}/inspection", jobId).then().statusCode(200)
                .body("id", equalTo(inspection.toString()))
                .body("items.label", contains("Front left tyre"))
                .body("items[0].condition", equalTo("RED"))
                .body("items[0].note", equalTo("Tread at 1.4 mm"))
                .body("items[0].measurements[0].value", equalTo(1.4f))
                .body("items[0].measurements[0].unit", equalTo("mm"))
                .body("items[0].media.id", contains(photo.toString()))
                .body("items[0].media[0].href", equalTo("/api/v1/media/" + photo))
                .body("items[0].media[0].thumbnailHref", equalTo("/api/v1/media/" + photo + "/thumbnail"));
        given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/jobs/{id}/inspection", jobId).then().statusCode(404);

        SyncReplica carlsCopy = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) carlsCopy.records
                .get(SyncReplica.key("inspection", inspection)).get("items");
        assertEquals(List.of("Front left tyre"), items.stream().map(i -> i.get("label")).toList());
        carlsCopy.assertChecksumMatches();
        SyncReplica corasCopy = new SyncReplica(TOKENS.of(cora)).catchUp(100);
        assertFalse(corasCopy.records.containsKey(SyncReplica.key("inspection", inspection)));
        assertEquals("PUBLISHED", rows.one("select status from inspection where id = ?", inspection).get("status"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", garage.garageId, InspectionLifecycle.PUBLISH));
    }

    @Test
    void theCustomersCopyHoldsNoInspectionBeforeItIsPublished() {
        SyncReplica carlsCopy = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        assertFalse(carlsCopy.records.containsKey(SyncReplica.key("inspection", inspection)));
        assertFalse(carlsCopy.tombstoned.contains(SyncReplica.key("inspection", inspection)),
                "the customer does not even hear of an unpublished inspection");
    }

    void publish() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> lifecycle.publish(alice.actor(), jobId, 0));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    UUID media(UUID item, String status) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into media (id, garage_id, job_id, target_type, target_id, kind, status, content_type,"
                + " declared_size, object_key, uploaded_by, created_at, updated_at, stored_at) values (?, ?, ?,"
                + " 'inspection-item', ?, 'PHOTO', ?, 'image/jpeg', 1000, ?, ?, now(), now(),"
                + " case when ? = 'STORED' then now() end)", id, garage.garageId, jobId, item, status, "media/" + id,
                tom.id(), status);
        return id;
    }

    UUID item(String key) {
        return (UUID) rows.one("select id from inspection_item where inspection_id = ? and item_key = ?", inspection,
                key).get("id");
    }
}
