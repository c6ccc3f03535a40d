package com.garage.mobile.technician.cache;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.garage.mobile.technician.security.RedisUnreachable;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** With Redis refusing connections, the job board answers from PostgreSQL, current on every read. */
@QuarkusTest
@TestProfile(RedisUnreachable.class)
@WithTestResource(OidcWiremockTestResource.class)
class BoardWithoutRedisTest {

    @Inject
    DataSource dataSource;

    @Test
    void boardsAnswerFromPostgresqlWhenRedisRefusesConnections() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person advisor = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        UUID job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();

        board(tom, "mine", "Noise from the front left wheel");
        board(advisor, "garage", "Noise from the front left wheel");
        garage.sql("update job_card set concern = 'Brakes squeal' where id = ?", job);
        board(tom, "mine", "Brakes squeal");
        board(advisor, "garage", "Brakes squeal");
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/jobs/" + job)
                .then().statusCode(200).body("concern", equalTo("Brakes squeal"));
    }

    private static void board(Person reader, String scope, String concern) {
        given().auth().oauth2(TOKENS.of(reader)).queryParams(Map.of("scope", scope))
                .when().get("/api/v1/jobs/board")
                .then().statusCode(200).body("items[0].concern", equalTo(concern));
    }
}
