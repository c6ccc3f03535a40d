package com.garage.mobile.customer;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every customer endpoint answers 404 for another customer's or another garage's records. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OwnershipTest {

    @Inject
    DataSource dataSource;

    Person carl;
    Person cora;
    Person stranger;
    Owned carls;
    Owned coras;
    Owned strangers;

    /** One customer's vehicle, appointment and job. */
    record Owned(UUID vehicle, UUID appointment, UUID job) {
        UUID idFor(String collection) {
            return switch (collection) {
                case "vehicles" -> vehicle;
                case "appointments" -> appointment;
                default -> job;
            };
        }
    }

    @BeforeEach
    void createCustomers() {
        GarageFixture garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        carls = owned(garage, carl);
        coras = owned(garage, cora);
        GarageFixture other = GarageFixture.create(dataSource);
        stranger = other.customer("Sam", "Other");
        strangers = owned(other, stranger);
    }

    private static Owned owned(GarageFixture garage, Person customer) {
        UUID vehicle = garage.vehicle(customer);
        UUID appointment = garage.appointment(customer, vehicle, Instant.now().plusSeconds(86_400), "CONFIRMED");
        UUID job = garage.job(customer, vehicle).create();
        return new Owned(vehicle, appointment, job);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vehicles", "appointments", "jobs"})
    void customerReadsOwnRecord(String collection) {
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/" + collection + "/" + carls.idFor(collection))
                .then().statusCode(200).body("id", equalTo(carls.idFor(collection).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vehicles", "appointments", "jobs"})
    void anotherCustomersRecordIsNotFound(String collection) {
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/" + collection + "/" + coras.idFor(collection))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vehicles", "appointments", "jobs"})
    void anotherGaragesRecordIsNotFound(String collection) {
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/" + collection + "/" + strangers.idFor(collection))
                .then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vehicles", "appointments", "jobs"})
    void listsHoldOnlyTheCustomersOwnRecords(String collection) {
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/" + collection)
                .then().statusCode(200)
                .body("items.id", contains(carls.idFor(collection).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vehicles", "appointments", "jobs"})
    void badLimitIsNamed(String collection) {
        given().auth().oauth2(TOKENS.of(carl)).queryParam("limit", 1000)
                .when().get("/api/v1/" + collection)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @org.junit.jupiter.api.Test
    void profileIsTheCallersOwn() {
        given().auth().oauth2(TOKENS.of(cora))
                .when().get("/api/v1/profile")
                .then().statusCode(200)
                .body("id", equalTo(cora.id().toString()))
                .body("firstName", equalTo("Cora"))
                .body("email", equalTo("cora@example.com"));
    }
}
