package com.garage.mobile.technician.chat;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.testing.TusClient;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Photos, videos and audio notes in chat: uploaded for a job's conversation, sent with a message,
 * carried by its live event and history; anything not the sender's, not this conversation's or not
 * stored yet refuses the whole message.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
class ChatAttachmentTest {

    static final String MESSAGE = "/api/v1/chat/conversations/{id}/messages/{messageId}";

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
    Person tom;
    Person carl;
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
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom).create();
        conversation = desk.conversationOfJob(jobId);
    }

    @Test
    void uploadsGoToAConversationTheSenderMayWriteIn() {
        TusClient toms = new TusClient(TOKENS, tom);
        toms.create(TusClient.metadata("chat-conversation", conversation, "photo", "image/jpeg", UUID.randomUUID()),
                1000).then().statusCode(201);
        UUID refused = UUID.randomUUID();
        toms.create(TusClient.metadata("chat-conversation", desk.generalOf(carl), "photo", "image/jpeg", refused),
                1000).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, rows.count("select count(*) from media where id = ?", refused));
        UUID general = UUID.randomUUID();
        new TusClient(TOKENS, alice).create(TusClient.metadata("chat-conversation", desk.generalOf(carl), "photo",
                "image/jpeg", general), 1000).then().statusCode(201);
        Map<String, Object> outsideJobs = rows.one("select job_id, target_id, uploaded_by from media where id = ?",
                general);
        assertNull(outsideJobs.get("job_id"));
        assertEquals(desk.generalOf(carl), outsideJobs.get("target_id"));
        assertEquals(alice.id(), outsideJobs.get("uploaded_by"));
        toms.create(TusClient.metadata("chat-message", UUID.randomUUID(), "photo", "image/jpeg", UUID.randomUUID()),
                1000).then().statusCode(400).body("errors[0].field", equalTo("Upload-Metadata.targetType"));
        GarageFixture other = GarageFixture.create(dataSource);
        Person stranger = other.technician("Sam Other");
        new TusClient(TOKENS, stranger).create(TusClient.metadata("chat-conversation", conversation, "photo", "image/jpeg",
                UUID.randomUUID()), 1000).then().statusCode(404);
    }

    @Test
    void aPhotoSentInTheWorkshopTravelsLiveAndInTheHistoryWithItsLink() {
        UUID photo = garage.media(jobId, "chat-conversation", conversation, tom);
        UUID memo = garage.media(jobId, "chat-conversation", conversation, tom);
        garage.sql("update media set kind = 'AUDIO', content_type = 'audio/mp4' where id = ?", memo);
        UUID messageId = UUID.randomUUID();
        try (LiveClient alicesApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(alice), null)) {
            alicesApp.await("caught-up");
            send(tom, messageId, Map.of("channel", "WORKSHOP", "attachments", List.of(photo.toString(), memo.toString())))
                    .statusCode(201).body("text", nullValue()).body("kind", equalTo("TEXT"))
                    .body("attachments.mediaId", contains(photo.toString(), memo.toString()))
                    .body("attachments.kind", contains("PHOTO", "AUDIO"))
                    .body("attachments[0].href", equalTo("/api/v1/media/" + photo));

            JsonObject event = alicesApp.await(m -> "chat".equals(m.getString("topic")));
            JsonObject attachment = event.getJsonObject("data").getJsonArray("attachments").getJsonObject(0);
            assertEquals(photo.toString(), attachment.getString("mediaId"));
            assertEquals("PHOTO", attachment.getString("kind"));
            assertEquals("/api/v1/media/" + photo, attachment.getString("href"));
        }
        send(tom, messageId, Map.of("channel", "WORKSHOP", "attachments", List.of(photo.toString(), memo.toString())))
                .statusCode(200);
        send(tom, messageId, Map.of("channel", "WORKSHOP", "attachments", List.of(photo.toString())))
                .statusCode(409).body("type", equalTo("urn:garage:problem:message-id-reused"));
        given().auth().oauth2(TOKENS.of(alice)).queryParam("channel", "WORKSHOP")
                .get("/api/v1/chat/conversations/{id}/messages", conversation).then().statusCode(200)
                .body("items[0].attachments.mediaId", contains(photo.toString(), memo.toString()));
        Map<String, Object> moved = rows.one("select target_type, target_id from media where id = ?", photo);
        assertEquals("chat-message", moved.get("target_type"));
        assertEquals(messageId, moved.get("target_id"));
        given().auth().oauth2(TOKENS.of(alice)).redirects().follow(false).get("/api/v1/media/{id}", photo).then()
                .statusCode(303);

        send(tom, UUID.randomUUID(), Map.of("channel", "WORKSHOP", "text", "Same photo again",
                "attachments", List.of(photo.toString())))
                .statusCode(400).body("errors[0].field", equalTo("attachments[0]"));
    }

    @Test
    void staffSeeTheCustomersPhotoFromTheirGeneralConversationAndAnswerWithOne() {
        UUID general = desk.generalOf(carl);
        UUID carlsPhoto = garage.media(null, "chat-conversation", general, carl);
        UUID carlsMessage = desk.send(carl, general, ChatChannel.CUSTOMER, "My new tyre quote", List.of(carlsPhoto));
        given().auth().oauth2(TOKENS.of(alice)).get("/api/v1/chat/conversations/{id}/messages", general).then()
                .statusCode(200).body("items[0].id", equalTo(carlsMessage.toString()))
                .body("items[0].attachments.mediaId", contains(carlsPhoto.toString()))
                .body("items[0].attachments[0].href", equalTo("/api/v1/media/" + carlsPhoto));
        given().auth().oauth2(TOKENS.of(alice)).redirects().follow(false).get("/api/v1/media/{id}", carlsPhoto)
                .then().statusCode(303);
        Person stranger = GarageFixture.create(dataSource).advisor("Sam Other");
        given().auth().oauth2(TOKENS.of(alice)).get("/api/v1/media/{id}/links", carlsPhoto).then().statusCode(200)
                .body("url", containsString(garage.garageId + "/")).body("expiresAt", notNullValue());
        for (String path : List.of("/api/v1/media/{id}", "/api/v1/media/{id}/links")) {
            given().auth().oauth2(TOKENS.of(stranger)).redirects().follow(false).get(path, carlsPhoto)
                    .then().statusCode(404).contentType("application/problem+json");
        }

        UUID answer = garage.media(null, "chat-conversation", general, alice);
        send(alice, general, UUID.randomUUID(), Map.of("channel", "CUSTOMER", "text", "Matched it",
                "attachments", List.of(answer.toString()))).statusCode(201)
                .body("attachments.mediaId", contains(answer.toString()));
        assertEquals("chat-message", rows.one("select target_type from media where id = ?", answer).get("target_type"));
    }

    @Test
    void generalConversationMediaNeverGoIntoAJobsConversationNorTheOtherWay() {
        UUID general = desk.generalOf(carl);
        UUID generalPhoto = garage.media(null, "chat-conversation", general, alice);
        UUID jobPhoto = garage.media(jobId, "chat-conversation", conversation, alice);
        send(alice, conversation, UUID.randomUUID(), Map.of("channel", "CUSTOMER",
                "attachments", List.of(generalPhoto.toString()))).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("attachments[0]"));
        send(alice, general, UUID.randomUUID(), Map.of("channel", "CUSTOMER",
                "attachments", List.of(jobPhoto.toString()))).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("attachments[0]"));
        send(alice, general, UUID.randomUUID(), Map.of("channel", "WORKSHOP",
                "attachments", List.of(generalPhoto.toString()))).statusCode(404)
                .contentType("application/problem+json");

        assertEquals(0, rows.count("select count(*) from chat_message where conversation_id in (?, ?)"
                + " and kind <> 'SYSTEM'", general, conversation));
        assertEquals(2, rows.count("select count(*) from media where id in (?, ?) and target_type = 'chat-conversation'",
                generalPhoto, jobPhoto));
        UUID bayPhoto = garage.media(jobId, "job", jobId, tom);
        assertThrows(RuntimeException.class, () -> garage.sql("update media set job_id = null where id = ?", bayPhoto),
                "only chat media may lack a job");
    }

    @Test
    void mediaThatAreNotTheSendersOrNotReadyRefuseTheWholeMessage() {
        UUID ready = garage.media(jobId, "chat-conversation", conversation, tom);
        UUID alicesPhoto = garage.media(jobId, "chat-conversation", conversation, alice);
        UUID stepPhoto = garage.media(jobId, "job", jobId, tom);
        UUID otherJob = garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom).create();
        UUID otherConversationsPhoto = garage.media(otherJob, "chat-conversation", desk.conversationOfJob(otherJob), tom);
        UUID uploading = garage.upload(jobId, tom);
        garage.sql("update media set target_type = 'chat-conversation', target_id = ? where id = ?", conversation,
                uploading);
        GarageFixture other = GarageFixture.create(dataSource);
        Person stranger = other.technician("Sam Other");
        Person strangersCustomer = other.customer("Olga", "Other");
        UUID strangersJob = other.job(strangersCustomer, other.vehicle(strangersCustomer)).assignedTo(stranger).create();
        UUID foreign = other.media(strangersJob, "chat-conversation", desk.conversationOfJob(strangersJob), stranger);

        for (UUID bad : List.of(UUID.randomUUID(), foreign, alicesPhoto, stepPhoto, otherConversationsPhoto)) {
            send(tom, UUID.randomUUID(), Map.of("channel", "WORKSHOP", "text", "Look",
                    "attachments", List.of(ready.toString(), bad.toString())))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("attachments[1]"));
        }
        send(tom, UUID.randomUUID(), Map.of("channel", "WORKSHOP", "attachments", List.of(uploading.toString())))
                .statusCode(409).body("type", equalTo("urn:garage:problem:media-not-ready"));
        send(tom, UUID.randomUUID(), Map.of("channel", "WORKSHOP", "attachments",
                List.of(ready.toString(), ready.toString()))).statusCode(400)
                .body("errors[0].field", equalTo("attachments"));
        send(tom, UUID.randomUUID(), Map.of("channel", "WORKSHOP", "quickReply", "LOOKING_INTO_IT",
                "attachments", List.of(ready.toString()))).statusCode(400)
                .body("errors[0].field", equalTo("quickReply"));
        send(tom, UUID.randomUUID(), Map.of("channel", "WORKSHOP", "text", "", "attachments",
                List.of(ready.toString()))).statusCode(400).body("errors[0].field", equalTo("text"));
        send(tom, UUID.randomUUID(), Map.of("channel", "WORKSHOP", "attachments",
                Collections.nCopies(11, ready.toString()))).statusCode(400)
                .body("errors[0].field", equalTo("attachments"));
        Map<String, Object> empty = new HashMap<>();
        empty.put("channel", "WORKSHOP");
        empty.put("attachments", List.of());
        send(tom, UUID.randomUUID(), empty).statusCode(400).body("errors[0].field", equalTo("text"));

        assertEquals(0, rows.count("select count(*) from chat_message where conversation_id = ?", conversation));
        assertEquals("chat-conversation", rows.one("select target_type from media where id = ?", ready)
                .get("target_type"));
    }

    @Test
    void anOfflineSendCarriesItsAttachmentsOnceTheyAreStored() {
        UUID photo = garage.media(jobId, "chat-conversation", conversation, tom);
        UUID uploading = garage.upload(jobId, tom);
        garage.sql("update media set target_type = 'chat-conversation', target_id = ? where id = ?", conversation,
                uploading);
        UUID sent = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "pixel-8-tom", "mutations", List.of(
                        offlineSend(sent, List.of(photo)), offlineSend(waiting, List.of(uploading)))))
                .post("/api/v1/sync/mutations").then().statusCode(200)
                .body("results.result", contains("applied", "rejected"))
                .body("results[0].record.attachments[0].mediaId", equalTo(photo.toString()))
                .body("results[1].problem.type", equalTo("urn:garage:problem:media-not-ready"));
        assertEquals(List.of(sent), rows.query("select id from chat_message where conversation_id = ?", conversation)
                .stream().map(row -> row.get("id")).toList());
    }

    private Map<String, Object> offlineSend(UUID messageId, List<UUID> media) {
        return Map.of("clientMutationId", UUID.randomUUID(), "entity", "chat-message", "operation", "send",
                "entityId", messageId, "payload", Map.of("conversationId", conversation, "channel", "WORKSHOP",
                        "attachments", media.stream().map(UUID::toString).toList()));
    }

    private ValidatableResponse send(Person who, UUID messageId, Map<String, Object> body) {
        return send(who, conversation, messageId, body);
    }

    private static ValidatableResponse send(Person who, UUID conversationId, UUID messageId, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body)
                .put(MESSAGE, conversationId, messageId).then();
    }
}
