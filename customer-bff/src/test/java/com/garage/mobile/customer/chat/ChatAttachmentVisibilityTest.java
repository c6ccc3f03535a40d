package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.chat.MessageEdits;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a customer sees of chat attachments: those of their own customer channel, never the workshop's. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ChatAttachmentVisibilityTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    MessageEdits edits;

    Rows rows;
    GarageFixture garage;
    ChatDesk desk;
    Person alice;
    Person tom;
    Person carl;
    Person cora;
    UUID jobId;
    UUID conversation;

    @BeforeEach
    void repair() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        desk = new ChatDesk(messages, rows);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom).create();
        conversation = desk.conversationOfJob(jobId);
    }

    @Test
    void theCustomerFetchesPhotosOfTheirChannelAndNeverTheWorkshops() throws Throwable {
        UUID workshopPhoto = garage.media(jobId, "chat-conversation", conversation, tom);
        UUID customerPhoto = garage.media(jobId, "chat-conversation", conversation, alice);
        UUID unsent = garage.media(jobId, "chat-conversation", conversation, alice);
        UUID answer;
        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null)) {
            carlsApp.await("caught-up");
            desk.send(tom, conversation, ChatChannel.WORKSHOP, "Worn pads, see photo", List.of(workshopPhoto));
            answer = desk.send(alice, conversation, ChatChannel.CUSTOMER, null, List.of(customerPhoto));

            JsonObject event = carlsApp.await(m -> "chat".equals(m.getString("topic")));
            assertEquals("CUSTOMER", event.getString("channel"));
            JsonObject attachment = event.getJsonObject("data").getJsonArray("attachments").getJsonObject(0);
            assertEquals(customerPhoto.toString(), attachment.getString("mediaId"));
            assertEquals("/api/v1/media/" + customerPhoto, attachment.getString("href"));
            assertFalse(carlsApp.events("chat").stream().anyMatch(e -> "WORKSHOP".equals(e.getString("channel"))));
        }

        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", customerPhoto)
                .then().statusCode(303);
        for (UUID hidden : List.of(workshopPhoto, unsent)) {
            given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", hidden)
                    .then().statusCode(404).body("type", equalTo("urn:garage:problem:not-found"));
        }
        given().auth().oauth2(TOKENS.of(cora)).redirects().follow(false).get("/api/v1/media/{id}", customerPhoto)
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/conversations/{id}/messages", conversation).then()
                .statusCode(200).body("items[0].attachments.mediaId", contains(customerPhoto.toString()))
                .body("items[0].attachments[0].kind", equalTo("PHOTO"));

        VertxContextSupport.subscribeAndAwait(() -> edits.delete(alice.actor(), conversation, answer));
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", customerPhoto)
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/conversations/{id}/messages", conversation).then()
                .statusCode(200).body("items[0].attachments", empty());
    }

    @Test
    void aCustomerCannotSendStaffMediaIntoTheirChannel() {
        UUID staffPhoto = garage.media(jobId, "chat-conversation", conversation, alice);
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("channel", "CUSTOMER", "text", "Here", "attachments", List.of(staffPhoto.toString())))
                .put("/api/v1/chat/conversations/{id}/messages/{messageId}", conversation, UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("attachments[0]"));
        assertEquals(0, rows.count("select count(*) from chat_message where conversation_id = ?", conversation));
        assertEquals("chat-conversation", rows.one("select target_type from media where id = ?", staffPhoto)
                .get("target_type"));
    }
}
