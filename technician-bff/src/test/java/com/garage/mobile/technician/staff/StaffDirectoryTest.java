package com.garage.mobile.technician.staff;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Advisors and admins see who works at their own garage, by name and role; nobody else's, and only those still there. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StaffDirectoryTest {

    @Inject
    DataSource dataSource;

    @Test
    void advisorsSeeTheirOwnGaragesActiveStaffByRole() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person alice = garage.advisor("Alice Morgan");
        Person tom = garage.technician("Tom Reyes");
        Person tina = garage.technician("Tina Kowalski");
        Person ada = garage.admin("Ada Brennan");
        Person gone = garage.technician("Gary Left");
        garage.sql("update staff set active = false where id = ?", gone.id());
        GarageFixture.create(dataSource).technician("Other Garage Tech");

        List<String> everyone = given().auth().oauth2(TOKENS.of(alice)).get("/api/v1/staff")
                .then().statusCode(200).extract().jsonPath().getList("items.name");
        assertEquals(List.of("Ada Brennan", "Alice Morgan", "Tina Kowalski", "Tom Reyes"), everyone);

        given().auth().oauth2(TOKENS.of(ada)).queryParam("role", "TECHNICIAN").get("/api/v1/staff")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(tina.id().toString(), tom.id().toString())))
                .body("items.role", equalTo(List.of("TECHNICIAN", "TECHNICIAN")));
    }

    @Test
    void techniciansCannotListStaffAndABadRoleIsAProblem() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person alice = garage.advisor("Alice Morgan");
        Person tom = garage.technician("Tom Reyes");

        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/staff").then().statusCode(403);
        given().auth().oauth2(TOKENS.of(alice)).queryParam("role", "CUSTOMER").get("/api/v1/staff")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("role"));
    }
}
