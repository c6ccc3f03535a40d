package com.garage.mobile.customer.feedback;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.S3ProxyResource;
import com.garage.mobile.testing.TestPhotos;
import com.garage.mobile.testing.TusClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A customer's feedback reaches the garage's inbox and their own list, and no one else's. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
class CustomerFeedbackTest {

    @Inject
    DataSource dataSource;

    @Test
    void carlsIdeaIsStoredForHisGarageAndOnlyHeSeesIt() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Rows rows = new Rows(dataSource);
        Person carl = garage.customer("Carl", "Jensen");
        Person cora = garage.customer("Cora", "Li");
        UUID id = UUID.randomUUID();

        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON).header("X-App-Platform", "ios")
                .header("X-App-Version", "2.14.1")
                .body(Map.of("id", id.toString(), "category", "IDEA", "text", "Let me pay the deposit by Apple Pay",
                        "screen", "estimate"))
                .when().post("/api/v1/feedback").then().statusCode(201).body("status", equalTo("NEW"));
        Map<String, Object> stored = rows.one("select garage_id, person_id, person_role, app_platform, app_version"
                + " from feedback where id = ?", id);
        assertEquals(garage.garageId, stored.get("garage_id"));
        assertEquals(carl.id(), stored.get("person_id"));
        assertEquals("customer", stored.get("person_role"));
        assertEquals("ios", stored.get("app_platform"));
        assertEquals("2.14.1", stored.get("app_version"));
        assertEquals(0L, rows.count("select count(*) from analytics_event where garage_id = ?"
                + " and properties::text like ?", garage.garageId, "%Apple Pay%"), "the text never reaches the analytics events");

        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/feedback").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].text", equalTo("Let me pay the deposit by Apple Pay"));
        given().auth().oauth2(TOKENS.of(cora)).when().get("/api/v1/feedback").then().statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(TOKENS.of(cora)).contentType(ContentType.JSON)
                .body(Map.of("id", id.toString(), "category", "IDEA", "text", "Let me pay the deposit by Apple Pay"))
                .when().post("/api/v1/feedback").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "category", "IDEA", "text", ""))
                .when().post("/api/v1/feedback").then().statusCode(400).body("errors[0].field", equalTo("text"));
        assertEquals(1L, rows.count("select count(*) from feedback where garage_id = ?", garage.garageId));
    }

    @Test
    void carlsScreenshotGoesWithHisFeedbackAndNoOtherCustomerSeesIt() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Rows rows = new Rows(dataSource);
        Person carl = garage.customer("Carl", "Jensen");
        Person cora = garage.customer("Cora", "Li");
        UUID id = UUID.randomUUID();
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("id", id.toString(), "category", "BUG", "text", "The estimate total is cut off"))
                .when().post("/api/v1/feedback").then().statusCode(201);
        byte[] screenshot = TestPhotos.jpeg(390, 844);
        UUID media = UUID.randomUUID();
        assertEquals(201, new TusClient(TOKENS, carl).createWith(TusClient.metadata("feedback", id, "photo",
                "image/jpeg", media), screenshot.length, screenshot).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> "STORED".equals(rows.one("select status from media"
                + " where id = ?", media).get("status")));

        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/feedback").then().statusCode(200)
                .body("[0].screenshots", contains(media.toString()));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/media/{id}/links", media).then().statusCode(200);
        given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/media/{id}/links", media).then().statusCode(404);
        assertEquals(404, new TusClient(TOKENS, cora).create(TusClient.metadata("feedback", id, "photo", "image/jpeg",
                UUID.randomUUID()), screenshot.length).statusCode(), "nor attaches to it");
    }
}
