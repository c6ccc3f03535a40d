package com.garage.mobile.technician.partners;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The advisor's list of tows coming to the garage: theirs only, still on the way or just ended; not for technicians. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InboundTowsTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person advisor;
    Person carl;
    UUID accord;

    @BeforeEach
    void aGarageWithATowOnItsWay() {
        garage = GarageFixture.create(dataSource);
        advisor = garage.advisor("Ava Stone");
        carl = garage.customer("Carl", "Jensen");
        accord = garage.vehicle(carl);
        partner(garage);
    }

    @Test
    void theAdvisorSeesTheTowsComingToTheGarageAndTheJobCardsTheyOpened() {
        UUID towing = tow(garage, carl, accord, "TOWING", true);
        tow(garage, carl, accord, "EN_ROUTE", false);
        UUID job = garage.job(carl, accord).create();
        garage.sql("update roadside_request set job_id = ? where id = ?", job, towing);
        given().auth().oauth2(TOKENS.of(advisor)).get("/api/v1/roadside/inbound-tows").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].requestId", equalTo(towing.toString()))
                .body("[0].status", equalTo("TOWING")).body("[0].jobId", equalTo(job.toString()))
                .body("[0].customerName", equalTo("Carl Jensen")).body("[0].vehicle", equalTo(vehicleName()));
    }

    @Test
    void anotherGaragesTowsAreNotListedAndTechniciansMayNotList() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person dana = other.customer("Dana", "Other");
        partner(other);
        tow(other, dana, other.vehicle(dana), "EN_ROUTE", true);
        given().auth().oauth2(TOKENS.of(advisor)).get("/api/v1/roadside/inbound-tows").then().statusCode(200)
                .body("size()", equalTo(0));
        given().auth().oauth2(TOKENS.of(garage.technician("Tina Tech"))).get("/api/v1/roadside/inbound-tows").then()
                .statusCode(403).contentType("application/problem+json");
    }

    private String vehicleName() {
        return (String) new Rows(dataSource).one("select make || ' ' || model as name from vehicle where id = ?", accord)
                .get("name");
    }

    private static void partner(GarageFixture garage) {
        garage.sql("insert into garage_partner (garage_id, partner, kind, display_name, terms, data_shared) values"
                + " (?, 'roadside-demo', 'ROADSIDE', 'Demo Roadside', 'Terms', array['location'])", garage.garageId);
    }

    private static UUID tow(GarageFixture garage, Person customer, UUID vehicle, String status, boolean toGarage) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into roadside_request (id, garage_id, customer_id, vehicle_id, partner, service, status,"
                + " latitude, longitude, callback_phone, tow_to_garage, status_at, created_at, updated_at) values"
                + " (?, ?, ?, ?, 'roadside-demo', 'TOW', ?, 51.5, -0.12, '+44 7700 900123', ?, now(), now(), now())",
                id, garage.garageId, customer.id(), vehicle, status, toGarage);
        return id;
    }
}
