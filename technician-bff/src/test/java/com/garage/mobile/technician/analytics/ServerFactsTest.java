package com.garage.mobile.technician.analytics;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ServerFactsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aJobStatusChangeJoinsTheJobsJourneyOnceUnderTheCustomersKey() {
        Rows rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();

        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count(
                "select count(*) from analytics_event where journey_id = ?", jobId) == 1);
        Map<String, Object> fact = rows.one("select name, source, garage_id, user_key, properties->>'from' as from_status,"
                + " properties->>'to' as to_status from analytics_event where journey_id = ?", jobId);
        assertEquals("job.status-changed", fact.get("name"));
        assertEquals("server", fact.get("source"));
        assertEquals(garage.garageId, fact.get("garage_id"));
        assertEquals("OPEN", fact.get("from_status"));
        assertEquals("IN_PROGRESS", fact.get("to_status"));
        assertEquals(32, ((String) fact.get("user_key")).length());
    }

    @Test
    void anAppointmentTheDesktopConfirmsAndChecksInJoinsItsJourneyAsTheGaragesSteps() throws SQLException {
        Rows rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        Person carl = garage.customer("Carl", "Jensen");
        UUID appointment = garage.appointment(carl, garage.vehicle(carl), Instant.now().plus(Duration.ofDays(2)),
                "REQUESTED");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update appointment set status = ?, version = version + 1 where id = ?")) {
            for (String status : List.of("CONFIRMED", "CHECKED_IN")) {
                update.setString(1, status);
                update.setObject(2, appointment);
                update.executeUpdate();
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count(
                "select count(*) from analytics_event where journey_id = ?", appointment) == 2);
        List<String> facts = rows.query("select name || '|' || source || '|' || (properties->>'appointmentId') as fact"
                + " from analytics_event where journey_id = ? order by occurred_at, name desc", appointment)
                .stream().map(row -> (String) row.get("fact")).toList();
        assertEquals(List.of("appointment.confirmed|server|" + appointment, "appointment.checked-in|server|" + appointment),
                facts);
        assertEquals(1, rows.count("select count(distinct user_key) from analytics_event where journey_id = ?",
                appointment));
        // The facts reach the analytics writer before the pass that took the notes deletes them and commits.
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count(
                "select count(*) from appointment_status_change where appointment_id = ?", appointment) == 0);
    }

    @Test
    void aJobEventStampedByAPodWhoseClockRunsAheadDoesNotHoldUpTheFactsAfterIt() throws SQLException {
        Rows rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID aheadJob = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        UUID jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into job_event (garage_id, job_id, seq, type,"
                     + " customer_visible, payload, actor_subject, actor_role, occurred_at)"
                     + " values (?, ?, 1, 'job.status-changed', true, '{\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\"}',"
                     + " 'pod-ahead', 'TECHNICIAN', now() + interval '2 hours')")) {
            insert.setObject(1, garage.garageId);
            insert.setObject(2, aheadJob);
            insert.executeUpdate();
        }

        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count(
                "select count(*) from analytics_event where journey_id = ?", jobId) == 1);
        assertEquals(1, rows.count("select count(*) from analytics_event where journey_id = ?", aheadJob));
    }
}
