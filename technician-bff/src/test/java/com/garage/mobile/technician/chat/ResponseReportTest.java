package com.garage.mobile.technician.chat;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The garage's response report from the stored responses: medians, p90, breaches, per priority, its own only. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ResponseReportTest {

    static final String REPORT = "/api/v1/chat/response-report";

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person alice;
    UUID first;
    UUID second;

    @BeforeEach
    void answeredConversations() {
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        Person cora = garage.customer("Cora", "Li");
        first = conversationOf(carl);
        second = conversationOf(cora);
        // December 2026, London (GMT): three normal first responses, a next one, an urgent breach
        response(first, "FIRST", "NORMAL", "2026-12-01T10:00:00Z", 60, false);
        response(second, "FIRST", "NORMAL", "2026-12-02T10:00:00Z", 120, false);
        response(conversationOf(garage.customer("Chris", "Okafor")), "FIRST", "NORMAL", "2026-12-03T10:00:00Z", 600,
                false);
        response(first, "NEXT", "NORMAL", "2026-12-03T11:00:00Z", 300, false);
        response(second, "NEXT", "URGENT", "2026-12-04T11:00:00Z", 2400, true);
        // outside the range: the day after, and another garage's
        response(first, "FIRST", "HIGH", "2026-12-08T00:30:00Z", 99, true);
        GarageFixture other = GarageFixture.create(dataSource);
        Person olaf = other.customer("Olaf", "Berg");
        UUID foreign = (UUID) new com.garage.mobile.testing.Rows(dataSource).one("select id from chat_conversation"
                + " where customer_id = ?", olaf.id()).get("id");
        other.sql("insert into chat_response (id, garage_id, conversation_id, kind, priority, asked_at, answered_at,"
                + " answered_by, response_seconds, target_seconds, breached) values (?, ?, ?, 'FIRST', 'NORMAL', ?, ?,"
                + " ?, 5, 14400, true)", UUID.randomUUID(), other.garageId, foreign,
                Timestamp.from(Instant.parse("2026-12-02T09:00:00Z")), Timestamp.from(Instant.parse("2026-12-02T09:00:05Z")),
                olaf.id());
    }

    @Test
    void theReportGivesMediansAndBreachesPerPriority() {
        given().auth().oauth2(TOKENS.of(alice)).queryParam("from", "2026-12-01").queryParam("to", "2026-12-07")
                .get(REPORT).then().statusCode(200)
                .body("timeZone", equalTo("Europe/London"))
                .body("total.conversationsAnswered", equalTo(3))
                .body("total.firstResponses", equalTo(3))
                .body("total.firstResponseMedianSeconds", equalTo(120))
                // p90 of 60, 120, 600 (continuous): 120 + 0.8 * 480
                .body("total.firstResponseP90Seconds", equalTo(504))
                .body("total.nextResponses", equalTo(2))
                .body("total.nextResponseMedianSeconds", equalTo(1350))
                .body("total.breaches", equalTo(1))
                .body("byPriority.find { it.priority == 'NORMAL' }.firstResponses", equalTo(3))
                .body("byPriority.find { it.priority == 'NORMAL' }.breaches", equalTo(0))
                .body("byPriority.find { it.priority == 'URGENT' }.breaches", equalTo(1))
                .body("byPriority.find { it.priority == 'URGENT' }.firstResponseMedianSeconds", nullValue())
                .body("byPriority.find { it.priority == 'HIGH' }.conversationsAnswered", equalTo(0));
    }

    @Test
    void aBadRangeIsRefusedNamingTheParameter() {
        refused("2026-12-07", "2026-12-01", "to");
        refused("2026-12-01", null, "to");
        refused("yesterday", "2026-12-01", "from");
        refused("2025-01-01", "2026-12-01", "to");
        Person tom = garage.technician("Tom Reyes");
        given().auth().oauth2(TOKENS.of(tom)).queryParam("from", "2026-12-01").queryParam("to", "2026-12-07")
                .get(REPORT).then().statusCode(403);
    }

    private void refused(String from, String to, String field) {
        var request = given().auth().oauth2(TOKENS.of(alice)).queryParam("from", from);
        if (to != null) {
            request = request.queryParam("to", to);
        }
        request.get(REPORT).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private UUID conversationOf(Person customer) {
        return (UUID) new com.garage.mobile.testing.Rows(dataSource).one("select id from chat_conversation"
                + " where customer_id = ?", customer.id()).get("id");
    }

    private void response(UUID conversation, String kind, String priority, String answeredAt, long seconds,
            boolean breached) {
        Instant answered = Instant.parse(answeredAt);
        garage.sql("insert into chat_response (id, garage_id, conversation_id, kind, priority, asked_at, answered_at,"
                + " answered_by, response_seconds, target_seconds, breached) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 900,"
                + " ?)", UUID.randomUUID(), garage.garageId, conversation, kind, priority,
                Timestamp.from(answered.minusSeconds(seconds)), Timestamp.from(answered), alice.id(), seconds,
                breached);
    }
}
