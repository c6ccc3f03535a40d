package com.garage.mobile.customer.cache;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** With Redis refusing connections, the cached customer reads answer from PostgreSQL, current each time. */
@QuarkusTest
@TestProfile(RedisUnreachable.class)
@WithTestResource(OidcWiremockTestResource.class)
class CustomerReadsWithoutRedisTest {

    @Inject
    DataSource dataSource;

    @Test
    void jobsAndProfileAnswerFromPostgresqlWhenRedisRefusesConnections() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();

        read(carl, job, "Noise from the front left wheel", "OPEN", "Carl");
        garage.sql("update job_card set concern = 'Brakes squeal', status = 'IN_PROGRESS' where id = ?", job);
        garage.sql("update customer set first_name = 'Carlos' where id = ?", carl.id());
        read(carl, job, "Brakes squeal", "IN_PROGRESS", "Carlos");
    }

    private static void read(Person carl, UUID job, String concern, String status, String firstName) {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/jobs/" + job)
                .then().statusCode(200).body("concern", equalTo(concern));
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/jobs")
                .then().statusCode(200).body("items[0].status", equalTo(status));
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/profile")
                .then().statusCode(200).body("firstName", equalTo(firstName));
    }
}
