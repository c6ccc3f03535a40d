package com.garage.mobile.customer.partners;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.recommendation.RecommendationPush;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.PartnerStub;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recalls from the garage's recalls partner among the vehicle's recommendations (issue 14 fed by
 * issue 15): explained, pushed once whichever feature finds them first, and only where the garage
 * offers a recalls partner.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PartnerStub.class)
class RecallRecommendationsTest {

    private static final String RECALLS = "/recalls/recallsByVehicle";
    private static final String CAMPAIGN = "15V320000";

    @Inject
    DataSource dataSource;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    RecommendationPush push;

    PartnerWorld world;
    MovableClock clock = new MovableClock();

    @BeforeEach
    void carlsAccord() {
        world = PartnerWorld.withFreshRecalls(dataSource, breakers);
        QuarkusMock.installMockForType(clock, GarageClock.class);
    }

    @Test
    void aSafetyRecallIsNeverHeldOut() {
        world.garage.customerExperiment("recommendation-safety-recall", "holdout:100");
        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/vehicles/" + world.accord + "/recommendations")
                .then().statusCode(200)
                .body("find { it.kind == 'SAFETY_RECALL' }.evidence.recallId", equalTo(CAMPAIGN));
        assertEquals(1L, world.rows.count("select count(*) from recommendation where vehicle_id = ? and kind ="
                + " 'SAFETY_RECALL' and status = 'OPEN'", world.accord));
    }

    @Test
    void theAccordsRecallIsRecommendedWithItsReasonsAndCarlIsPushedOnce() {
        UUID phone = world.phone(world.carl);
        world.consent(world.carl, "SAFETY");

        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/vehicles/" + world.accord + "/recommendations")
                .then().statusCode(200)
                .body("find { it.kind == 'SAFETY_RECALL' }.title",
                        equalTo("Safety recall: AIR BAGS:FRONTAL:DRIVER SIDE:INFLATOR MODULE"))
                .body("find { it.kind == 'SAFETY_RECALL' }.evidence.recallId", equalTo(CAMPAIGN))
                .body("find { it.kind == 'SAFETY_RECALL' }.reasons[0]",
                        equalTo("The manufacturer has an open safety recall for this vehicle (" + CAMPAIGN + ")."))
                .body("find { it.kind == 'SAFETY_RECALL' }.actions.kind", hasItem("BOOK"));
        assertEquals(1L, world.rows.count("select count(*) from recommendation where vehicle_id = ? and kind ="
                + " 'SAFETY_RECALL' and subject = ? and status = 'OPEN'", world.accord, "recall:" + CAMPAIGN));

        pushOnce();
        assertEquals(1L, world.pushes(phone, "SAFETY"), "the recall notice and the recommendation are one push");
        assertEquals(1L, world.rows.count("select count(*) from recommendation_outcome o join recommendation r on"
                + " r.id = o.recommendation_id where r.vehicle_id = ? and o.outcome = 'PUSHED'", world.accord));
        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/vehicles/" + world.accord + "/recommendations")
                .then().statusCode(200);
        assertEquals(1L, world.pushes(phone, "SAFETY"), "read again: still one");
        assertEquals(1, PartnerStub.requests(RECALLS).size(), "the partner's answer is cached");
    }

    @Test
    void bookingTheRecallsRecommendationAndTappingTheRecallAskForOneAppointment() {
        String recommendation = given().auth().oauth2(TOKENS.of(world.carl))
                .get("/api/v1/vehicles/" + world.accord + "/recommendations").then().statusCode(200)
                .extract().path("find { it.kind == 'SAFETY_RECALL' }.id");
        String booked = given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("action", "BOOK")).post("/api/v1/recommendations/{id}/outcome", recommendation).then()
                .statusCode(200).body("status", equalTo("BOOKED")).extract().path("appointmentId");

        given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON).body(Map.of("campaign", CAMPAIGN))
                .post("/api/v1/vehicles/" + world.accord + "/recall-appointments").then().statusCode(200)
                .body("appointmentId", equalTo(booked)).body("created", equalTo(false));
        assertEquals(1L, world.rows.count("select count(*) from appointment where vehicle_id = ?", world.accord));
        assertEquals(1L, world.rows.count("select count(*) from vehicle_recall where vehicle_id = ? and campaign = ?"
                + " and appointment_id = ?::uuid", world.accord, CAMPAIGN, booked));
    }

    @Test
    void tappingTheRecallBooksItsRecommendationWithThatAppointment() {
        String recommendation = given().auth().oauth2(TOKENS.of(world.carl))
                .get("/api/v1/vehicles/" + world.accord + "/recommendations").then().statusCode(200)
                .extract().path("find { it.kind == 'SAFETY_RECALL' }.id");
        String tapped = given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("campaign", CAMPAIGN)).post("/api/v1/vehicles/" + world.accord + "/recall-appointments")
                .then().statusCode(200).body("created", equalTo(true)).extract().path("appointmentId");

        Map<String, Object> booked = world.rows.one("select status, appointment_id from recommendation"
                + " where id = ?::uuid", recommendation);
        assertEquals("BOOKED", booked.get("status"));
        assertEquals(tapped, String.valueOf(booked.get("appointment_id")));
        given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON).body(Map.of("campaign", CAMPAIGN))
                .post("/api/v1/vehicles/" + world.accord + "/recall-appointments").then().statusCode(200)
                .body("appointmentId", equalTo(tapped)).body("created", equalTo(false));
        assertEquals(1L, world.rows.count("select count(*) from recommendation_outcome"
                + " where recommendation_id = ?::uuid and outcome = 'BOOKED'", recommendation),
                "booked once in the measures, however often tapped");
        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/vehicles/" + world.accord + "/recommendations")
                .then().statusCode(200)
                .body("find { it.kind == 'SAFETY_RECALL' }.status", equalTo("BOOKED"))
                .body("find { it.kind == 'SAFETY_RECALL' }.appointmentId", equalTo(tapped))
                .body("find { it.kind == 'SAFETY_RECALL' }.actions.kind", not(hasItem("BOOK")));
        assertEquals(1L, world.rows.count("select count(*) from appointment where vehicle_id = ?", world.accord));
    }

    @Test
    void aRecallTappedBeforeItsRecommendationExistedIsRecommendedAlreadyBooked() {
        String tapped = given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("campaign", CAMPAIGN)).post("/api/v1/vehicles/" + world.accord + "/recall-appointments")
                .then().statusCode(200).body("created", equalTo(true)).extract().path("appointmentId");

        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/vehicles/" + world.accord + "/recommendations")
                .then().statusCode(200)
                .body("find { it.kind == 'SAFETY_RECALL' }.status", equalTo("BOOKED"))
                .body("find { it.kind == 'SAFETY_RECALL' }.appointmentId", equalTo(tapped))
                .body("find { it.kind == 'SAFETY_RECALL' }.actions.kind", not(hasItem("BOOK")));
        assertEquals(1L, world.rows.count("select count(*) from recommendation where vehicle_id = ? and kind ="
                + " 'SAFETY_RECALL' and status = 'BOOKED' and appointment_id = ?::uuid", world.accord, tapped));
        assertEquals(0L, world.rows.count("select count(*) from recommendation_outcome o join recommendation r"
                + " on r.id = o.recommendation_id where r.vehicle_id = ? and o.outcome = 'BOOKED'", world.accord),
                "the recommendation prompted nothing: no booking counted for it");
    }

    @Test
    void aGarageWithoutARecallsPartnerRecommendsNoRecallAndSendsNothingAway() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person dana = other.customer("Dana", "Other");
        UUID accord = other.vehicle(dana);
        other.sql("update vehicle set vin = ?, make = 'Honda', model = 'Accord', model_year = 2003 where id = ?",
                PartnerWorld.VIN, accord);

        given().auth().oauth2(TOKENS.of(dana)).get("/api/v1/vehicles/" + accord + "/recommendations").then()
                .statusCode(200).body("kind", not(hasItem("SAFETY_RECALL")));
        assertEquals(0, PartnerStub.requests(RECALLS).size());
        assertEquals(0L, world.rows.count("select count(*) from recommendation where vehicle_id = ?", accord));
        given().auth().oauth2(TOKENS.of(dana)).get("/api/v1/vehicles/" + world.accord + "/recommendations").then()
                .statusCode(404);
    }

    private int pushOnce() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> push.pushOnce());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
