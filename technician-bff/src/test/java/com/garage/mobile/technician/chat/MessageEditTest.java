package com.garage.mobile.technician.chat;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.chat.MessageEdits;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edits within the window by the author only; deletion leaves a tombstone; both audited without the text. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MessageEditTest {

    static final String MESSAGE = "/api/v1/chat/conversations/{id}/messages/{messageId}";

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    Rows rows;
    MovableClock clock;
    GarageFixture garage;
    Person alice;
    Person tom;
    Person tina;
    UUID conversation;
    UUID message;

    @BeforeEach
    void sendOne() {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        Person carl = garage.customer("Carl", "Jensen");
        UUID jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom).create();
        conversation = new ChatDesk(messages, rows).conversationOfJob(jobId);
        message = UUID.randomUUID();
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("channel", "WORKSHOP", "text", "Pads at 2mm"))
                .put(MESSAGE, conversation, message).then().statusCode(201);
    }

    @Test
    void theAuthorEditsWithinTheWindowAndNobodyElseDoes() {
        edit(tom, "Pads at 2 mm, discs fine").statusCode(200).body("text", equalTo("Pads at 2 mm, discs fine"))
                .body("editedAt", notNullValue()).body("seq", equalTo(1));
        edit(alice, "Rewritten").statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:forbidden"));
        edit(tina, "Rewritten").statusCode(404);
        edit(tom, "").statusCode(400).body("errors[0].field", equalTo("text"));

        clock.moveTo(clock.now().plus(Duration.ofMinutes(16)));
        edit(tom, "Too late").statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));

        assertEquals("Pads at 2 mm, discs fine", body());
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", garage.garageId, MessageEdits.EDIT));
        assertEquals(0L, rows.count("select count(*) from audit_entry where garage_id = ?"
                + " and detail::text like '%discs%'", garage.garageId));
        assertEquals(1L, rows.count("select count(*) from chat_event where conversation_id = ?"
                + " and type = 'chat.message-edited' and payload->>'text' = 'Pads at 2 mm, discs fine'", conversation));
    }

    @Test
    void aDeletedMessageStaysAsATombstone() {
        given().auth().oauth2(TOKENS.of(tina)).delete(MESSAGE, conversation, message).then().statusCode(404);
        given().auth().oauth2(TOKENS.of(tom)).delete(MESSAGE, conversation, message).then().statusCode(200)
                .body("text", nullValue()).body("deletedAt", notNullValue()).body("seq", equalTo(1));
        given().auth().oauth2(TOKENS.of(tom)).delete(MESSAGE, conversation, message).then().statusCode(200);
        edit(tom, "Back again").statusCode(409);

        given().auth().oauth2(TOKENS.of(alice)).queryParam("channel", "WORKSHOP")
                .get("/api/v1/chat/conversations/{id}/messages", conversation).then().statusCode(200)
                .body("items.seq", contains(1)).body("items[0].text", nullValue())
                .body("items[0].author.name", equalTo("Tom Reyes"));
        assertNull(body());
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", garage.garageId, MessageEdits.DELETE));
        assertEquals(1L, rows.count("select count(*) from chat_event where conversation_id = ?"
                + " and type = 'chat.message-deleted' and payload->>'text' is null", conversation));
    }

    @Test
    void anAdvisorDeletesSomeoneElsesMessage() {
        given().auth().oauth2(TOKENS.of(alice)).delete(MESSAGE, conversation, message).then().statusCode(200)
                .body("deletedAt", notNullValue());
        assertNull(body());
    }

    private ValidatableResponse edit(Person who, String text) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(Map.of("text", text))
                .put(MESSAGE + "/text", conversation, message).then();
    }

    private Object body() {
        return rows.one("select body from chat_message where id = ?", message).get("body");
    }
}
