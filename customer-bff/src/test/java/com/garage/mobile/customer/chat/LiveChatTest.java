package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat on the one live channel: the customer's channel arrives as it is written, the workshop's never does. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LiveChatTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

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
    void openRepair() {
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
    void theCustomerReceivesTheirChannelLiveAndNothingOfTheWorkshop() {
        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null);
                LiveClient corasApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(cora), null)) {
            carlsApp.await("caught-up");
            corasApp.await("caught-up");
            desk.send(tom, conversation, ChatChannel.WORKSHOP, "Customer's pads are gone, quote it.");
            UUID answer = desk.send(alice, conversation, ChatChannel.CUSTOMER, "Your pads need replacing.");

            JsonObject event = carlsApp.awaitEvents(1).getFirst();
            assertEquals("chat", event.getString("topic"));
            assertEquals("chat.message", event.getString("event"));
            assertEquals(conversation.toString(), event.getString("conversationId"));
            assertEquals("CUSTOMER", event.getString("channel"));
            JsonObject data = event.getJsonObject("data");
            assertEquals(answer.toString(), data.getString("messageId"));
            assertEquals("Your pads need replacing.", data.getString("text"));
            assertEquals(1, data.getInteger("seq"));
            assertEquals("advisor", data.getString("authorRole"));
            assertNull(data.getString("authorId"));

            new Workshop(statuses, assignments).change(alice, jobId, JobStatus.IN_PROGRESS);
            carlsApp.await(m -> "job.status-changed".equals(m.getString("event")));
            UUID later = desk.send(alice, conversation, ChatChannel.CUSTOMER, "Started.");
            JsonObject next = carlsApp.await(m -> "chat".equals(m.getString("topic"))
                    && later.toString().equals(m.getJsonObject("data").getString("messageId")));
            assertEquals(3, next.getJsonObject("data").getInteger("seq"));
            assertEquals(2, carlsApp.events("chat").size());
            assertFalse(carlsApp.events("chat").stream()
                    .anyMatch(e -> "WORKSHOP".equals(e.getString("channel"))));
            assertEquals(List.of(), corasApp.events("chat"));
            given().auth().oauth2(TOKENS.of(carl)).queryParam("after", 1)
                    .get("/api/v1/chat/conversations/{id}/messages", conversation).then().statusCode(200)
                    .body("items.kind", org.hamcrest.Matchers.contains("SYSTEM", "TEXT"));
        }
    }

    @Test
    void aChatEventItsWriterNeverPublishedArrivesThroughTheRelay() {
        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null)) {
            carlsApp.await("caught-up");
            garage.sql("insert into chat_event (garage_id, conversation_id, channel, customer_id, technician_ids, type,"
                    + " payload, occurred_at) values (?, ?, 'CUSTOMER', ?, '{}', 'chat.read',"
                    + " '{\"readSeq\": 0}'::jsonb, now() - interval '1 minute')",
                    garage.garageId, conversation, carl.id());

            JsonObject relayed = carlsApp.await(m -> "chat.read".equals(m.getString("event")));
            assertEquals(conversation.toString(), relayed.getString("conversationId"));
            // Marked in the relay's transaction, which may commit just after the event arrived.
            await().atMost(Duration.ofSeconds(5)).until(() -> rows.count("select count(*) from chat_event"
                    + " where conversation_id = ? and published_at is null", conversation) == 0);
        }
    }

    @Test
    void readCursorsGiveUnreadCountsAndTellTheOthers() {
        desk.send(alice, conversation, ChatChannel.CUSTOMER, "Ready at five.");
        desk.send(alice, conversation, ChatChannel.CUSTOMER, "Bring the locking wheel nut key.");
        desk.send(alice, conversation, ChatChannel.WORKSHOP, "Internal: invoice pending.");
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/unread").then().statusCode(200)
                .body("messages", equalTo(2)).body("conversations", equalTo(1));

        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null)) {
            carlsApp.await("caught-up");
            given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                    .body(Map.of("channel", "CUSTOMER", "delivered", 2, "read", 1))
                    .put("/api/v1/chat/conversations/{id}/cursor", conversation).then().statusCode(200)
                    .body("unread", equalTo(1)).body("channels[0].readSeq", equalTo(1));
            JsonObject read = carlsApp.await(m -> "chat.read".equals(m.getString("event")));
            assertEquals(1, read.getJsonObject("data").getInteger("readSeq"));
        }
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("channel", "CUSTOMER", "delivered", 0, "read", 0))
                .put("/api/v1/chat/conversations/{id}/cursor", conversation).then().statusCode(200)
                .body("unread", equalTo(1));
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("channel", "CUSTOMER", "delivered", 3, "read", 3))
                .put("/api/v1/chat/conversations/{id}/cursor", conversation).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("read"));
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("channel", "WORKSHOP", "delivered", 1, "read", 1))
                .put("/api/v1/chat/conversations/{id}/cursor", conversation).then().statusCode(404);

        Map<String, Object> cursor = rows.one("select delivered_seq, read_seq from chat_read_cursor"
                + " where conversation_id = ? and person_id = ?", conversation, carl.id());
        assertEquals(2L, cursor.get("delivered_seq"));
        assertEquals(1L, cursor.get("read_seq"));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/unread").then().statusCode(200)
                .body("messages", equalTo(1));
    }
}
