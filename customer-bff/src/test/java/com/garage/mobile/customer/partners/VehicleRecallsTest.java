package com.garage.mobile.customer.partners;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.partner.PartnerHttp;
import com.garage.mobile.platform.partner.nhtsa.NhtsaApi;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.PartnerStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PartnerStub.class)
class VehicleRecallsTest {

    private static final String RECALLS = "/recalls/recallsByVehicle";

    @Inject
    DataSource dataSource;

    @Inject
    CircuitBreakerMaintenance breakers;

    PartnerWorld world;
    MovableClock clock = new MovableClock();

    @BeforeEach
    void carlsAccord() {
        world = PartnerWorld.withFreshRecalls(dataSource, breakers);
        QuarkusMock.installMockForType(clock, GarageClock.class);
    }

    @Test
    void theVehicleShowsTheRecordedRecallAndTheCustomerIsToldOnceUnderSafety() {
        UUID phone = world.phone(world.carl);
        world.consent(world.carl, "SAFETY");
        programmes().statusCode(200)
                .body("make", equalTo("Honda")).body("modelYear", equalTo(2003))
                .body("recalls.size()", equalTo(1))
                .body("recalls[0].campaignNumber", equalTo("15V320000"))
                .body("recalls[0].component", equalTo("AIR BAGS:FRONTAL:DRIVER SIDE:INFLATOR MODULE"))
                .body("recalls[0].remedy", notNullValue())
                .body("recalls[0].appointmentId", nullValue())
                .body("delayed", equalTo(false)).body("ageSeconds", equalTo(0))
                .body("dueServices[0].code", equalTo("OIL_SERVICE")).body("dueServices[0].dueAtKm", equalTo(45000));
        programmes().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> world.pushes(phone, "SAFETY") == 1);
        assertEquals(1L, world.rows.count("select count(*) from vehicle_recall where vehicle_id = ? and notified_at"
                + " is not null", world.accord));
    }

    @Test
    void recallsAreCachedPerMakeModelAndYearForADay() {
        programmes().statusCode(200).body("recalls.size()", equalTo(1));
        programmes().statusCode(200);
        assertEquals(1, PartnerStub.requests(RECALLS).size());
        clock.moveTo(Instant.now().plus(Duration.ofHours(25)));
        programmes().statusCode(200).body("ageSeconds", equalTo(0));
        assertEquals(2, PartnerStub.requests(RECALLS).size());
    }

    @Test
    void aFailureIsNeverCachedAndTheLastKnownAnswerIsServedWithItsAge() {
        programmes().statusCode(200);
        clock.moveTo(Instant.now().plus(Duration.ofHours(25)));
        PartnerStub.stub(get(urlPathEqualTo(RECALLS)).atPriority(0).willReturn(aResponse().withStatus(503)));
        programmes().statusCode(200).body("delayed", equalTo(true)).body("recalls.size()", equalTo(1))
                .body("notice", org.hamcrest.Matchers.containsString("could not be refreshed"));
        int calls = PartnerStub.requests(RECALLS).size();
        programmes().statusCode(200).body("delayed", equalTo(true));
        assertEquals(true, PartnerStub.requests(RECALLS).size() > calls, "a failure is asked again, never cached");
        PartnerStub.reset();
        breakers.reset(PartnerHttp.guardName(NhtsaApi.RECALLS));
        programmes().statusCode(200).body("delayed", equalTo(false)).body("ageSeconds", equalTo(0));
    }

    @Test
    void withNothingKnownAnOutageSaysSoPlainly() {
        PartnerStub.stub(get(urlPathEqualTo(RECALLS)).atPriority(0).willReturn(aResponse().withStatus(200)
                .withBody("<html>maintenance</html>")));
        programmes().statusCode(200).body("delayed", equalTo(true)).body("recalls.size()", equalTo(0))
                .body("notice", equalTo("Recall data is unavailable just now; try again later."));
        assertEquals(0L, world.rows.count("select count(*) from recall_cache where make = 'HONDA' and model = 'ACCORD'"));
    }

    @Test
    void aVehicleWithoutItsYearIsDecodedFromItsVin() {
        world.garage.sql("update vehicle set model_year = null where id = ?", world.accord);
        programmes().statusCode(200).body("recalls[0].campaignNumber", equalTo("15V320000"));
        assertEquals(1, PartnerStub.requests("/api/vehicles/DecodeVinValues/.*").size());
    }

    @Test
    void oneTapAsksForOneAppointmentPerRecall() {
        String appointment = given().auth().oauth2(TOKENS.of(world.carl))
                .contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("campaign", "15V320000"))
                .post("/api/v1/vehicles/" + world.accord + "/recall-appointments").then()
                .statusCode(200).body("status", equalTo("REQUESTED")).body("created", equalTo(true))
                .extract().path("appointmentId");
        given().auth().oauth2(TOKENS.of(world.carl))
                .contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("campaign", "15V320000"))
                .post("/api/v1/vehicles/" + world.accord + "/recall-appointments").then()
                .statusCode(200).body("appointmentId", equalTo(appointment)).body("created", equalTo(false));
        assertEquals(1L, world.rows.count("select count(*) from appointment where vehicle_id = ? and status ="
                + " 'REQUESTED' and service_requested like 'Safety recall 15V320000%'", world.accord));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where action = ? and resource_id = ?",
                "recall.appointment-request", appointment));
        programmes().statusCode(200).body("recalls[0].appointmentId", equalTo(appointment));
    }

    @Test
    void anUnknownCampaignOrAnotherCustomersVehicleIsNotFoundAndNothingIsBooked() {
        given().auth().oauth2(TOKENS.of(world.carl))
                .contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("campaign", "99V999000"))
                .post("/api/v1/vehicles/" + world.accord + "/recall-appointments").then()
                .statusCode(404).contentType("application/problem+json");
        var dana = world.garage.customer("Dana", "Other");
        given().auth().oauth2(TOKENS.of(dana)).get("/api/v1/vehicles/" + world.accord + "/programmes").then()
                .statusCode(404);
        given().auth().oauth2(TOKENS.of(dana))
                .contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("campaign", "15V320000"))
                .post("/api/v1/vehicles/" + world.accord + "/recall-appointments").then()
                .statusCode(404);
        assertEquals(0L, world.rows.count("select count(*) from appointment where vehicle_id = ?", world.accord));
    }

    private io.restassured.response.ValidatableResponse programmes() {
        return given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/vehicles/" + world.accord + "/programmes")
                .then();
    }
}
