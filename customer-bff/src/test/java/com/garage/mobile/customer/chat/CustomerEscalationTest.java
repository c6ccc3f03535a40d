package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer escalates their own conversation; they see its priority, never the staff's deadlines or events. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerEscalationTest {

    static final String ESCALATION = "/api/v1/chat/conversations/{id}/escalation";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    Rows rows;
    GarageFixture garage;
    ChatDesk desk;
    Person alice;
    Person carl;
    Person cora;
    UUID conversation;

    @BeforeEach
    void openRepair() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        desk = new ChatDesk(messages, rows);
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        conversation = desk.conversationOfJob(garage.job(carl, garage.vehicle(carl)).advisor(alice).create());
    }

    @Test
    void theCustomerEscalatesTheirLateReplyOnceAndSeesOnlyThePriority() {
        desk.send(carl, conversation, ChatChannel.CUSTOMER, "Still no word?");
        escalate(carl, Map.of("priority", "URGENT", "reason", "I need the car tonight")).statusCode(200)
                .body("priority", equalTo("URGENT")).body("reason", equalTo("I need the car tonight"))
                .body("awaitingAnswer", equalTo(true))
                .body("advisorId", nullValue()).body("dueAt", nullValue()).body("advisorName", nullValue());
        escalate(carl, Map.of("priority", "URGENT", "reason", "I need the car tonight")).statusCode(200)
                .body("priority", equalTo("URGENT"));
        assertEquals(1L, rows.count("select count(*) from chat_event where conversation_id = ? and type ="
                + " 'chat.priority-changed'", conversation));
        assertEquals("URGENT", rows.one("select priority from chat_response_clock where conversation_id = ?",
                conversation).get("priority"));
        given().auth().oauth2(TOKENS.of(carl)).get(ESCALATION, conversation).then().statusCode(200)
                .body("priority", equalTo("URGENT")).body("warnAt", nullValue());
    }

    @Test
    void anotherCustomersConversationIsNotFoundAndBadInputChangesNothing() {
        escalate(cora, Map.of("priority", "URGENT")).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.of(cora)).get(ESCALATION, conversation).then().statusCode(404);
        escalate(carl, Map.of("priority", "NORMAL")).statusCode(400).body("errors[0].field", equalTo("priority"));
        escalate(carl, Map.of("priority", "HIGH", "reason", "x".repeat(501))).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        escalate(carl, Map.of("reason", "Hurry")).statusCode(400).body("errors[0].field", equalTo("priority"));
        assertEquals(0L, rows.count("select count(*) from chat_response_clock where conversation_id = ?"
                + " and priority <> 'NORMAL'", conversation));
        assertEquals(0L, rows.count("select count(*) from chat_event where conversation_id = ? and type ="
                + " 'chat.priority-changed'", conversation));
    }

    @Test
    void theGeneralConversationEscalatesToo() {
        UUID general = desk.generalOf(carl);
        escalate(carl, Map.of("priority", "HIGH")).statusCode(200);
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON).body(Map.of("priority", "HIGH"))
                .put(ESCALATION, general).then().statusCode(200).body("priority", equalTo("HIGH"))
                .body("awaitingAnswer", equalTo(false));
    }

    @Test
    void theStaffsEscalationEventsNeverReachTheCustomerLive() {
        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null)) {
            carlsApp.await("caught-up");
            escalate(carl, Map.of("priority", "URGENT")).statusCode(200);
            UUID answer = desk.send(alice, conversation, ChatChannel.CUSTOMER, "On it, Carl.");
            carlsApp.await(m -> "chat".equals(m.getString("topic"))
                    && answer.toString().equals(m.getJsonObject("data").getString("messageId")));
            assertFalse(carlsApp.events("chat").stream()
                    .anyMatch(e -> "chat.priority-changed".equals(e.getString("event"))));
        }
    }

    private io.restassured.response.ValidatableResponse escalate(Person who, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body)
                .put(ESCALATION, conversation).then();
    }
}
