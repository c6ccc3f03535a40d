package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.S3ProxyResource;
import com.garage.mobile.testing.TusClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer's own photos in chat: uploaded with tus to their job's conversation or their general
 * conversation, checked like the bay's, sent in their channel; nothing else of the garage takes a
 * customer's upload.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
class CustomerChatUploadTest {

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    Rows rows;
    GarageFixture garage;
    ChatDesk desk;
    Person carl;
    Person cora;
    UUID jobId;
    UUID conversation;

    @BeforeEach
    void repair() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        desk = new ChatDesk(messages, rows);
        Person alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).create();
        conversation = desk.conversationOfJob(jobId);
    }

    @Test
    void theCustomerUploadsAPhotoAndSendsItInTheirChannel() throws IOException {
        byte[] photo = jpeg();
        UUID mediaId = UUID.randomUUID();
        TusClient carls = new TusClient(TOKENS, carl);
        Response created = carls.createWith(TusClient.metadata("chat-conversation", conversation, "photo",
                "image/jpeg", mediaId), photo.length, photo);
        assertEquals(201, created.statusCode());
        assertEquals(photo.length, TusClient.offset(created));
        new TusClient(TOKENS, cora).head(created.header("Location")).then().statusCode(404);
        Map<String, Object> uploaded = rows.one("select uploaded_by, uploaded_by_customer from media where id = ?",
                mediaId);
        assertNull(uploaded.get("uploaded_by"));
        assertEquals(carl.id(), uploaded.get("uploaded_by_customer"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "STORED".equals(
                rows.one("select status from media where id = ?", mediaId).get("status")));

        UUID messageId = UUID.randomUUID();
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("channel", "CUSTOMER", "text", "The noise starts here",
                        "attachments", List.of(mediaId.toString())))
                .put("/api/v1/chat/conversations/{id}/messages/{messageId}", conversation, messageId)
                .then().statusCode(201).body("attachments.mediaId", contains(mediaId.toString()));

        Map<String, Object> sent = rows.one("select target_type, target_id from media where id = ?", mediaId);
        assertEquals("chat-message", sent.get("target_type"));
        assertEquals(messageId, sent.get("target_id"));
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", mediaId)
                .then().statusCode(303);
        given().auth().oauth2(TOKENS.of(cora)).redirects().follow(false).get("/api/v1/media/{id}", mediaId)
                .then().statusCode(404);
    }

    @Test
    void theCustomerSendsAPhotoInTheirGeneralConversationThatOnlyTheySeeOutsideTheGarage() throws IOException {
        UUID general = desk.generalOf(carl);
        UUID mediaId = uploaded(carl, general);
        Map<String, Object> uploaded = rows.one("select job_id, object_key from media where id = ?", mediaId);
        assertNull(uploaded.get("job_id"));
        assertEquals(garage.garageId + "/general/" + mediaId, uploaded.get("object_key"));

        UUID messageId = UUID.randomUUID();
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("channel", "CUSTOMER", "attachments", List.of(mediaId.toString())))
                .put("/api/v1/chat/conversations/{id}/messages/{messageId}", general, messageId)
                .then().statusCode(201).body("attachments.mediaId", contains(mediaId.toString()))
                .body("attachments[0].href", equalTo("/api/v1/media/" + mediaId));
        Map<String, Object> sent = rows.one("select target_type, target_id, job_id from media where id = ?", mediaId);
        assertEquals("chat-message", sent.get("target_type"));
        assertEquals(messageId, sent.get("target_id"));
        assertNull(sent.get("job_id"));

        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/conversations/{id}/messages", general).then()
                .statusCode(200).body("items[0].attachments.mediaId", contains(mediaId.toString()));
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", mediaId)
                .then().statusCode(303);
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}/thumbnail", mediaId)
                .then().statusCode(303);
        String url = given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/media/{id}/links", mediaId).then()
                .statusCode(200).body("thumbnailUrl", notNullValue()).body("expiresAt", notNullValue())
                .extract().path("url");
        byte[] fetched = given().urlEncodingEnabled(false).get(URI.create(url)).then().statusCode(200)
                .extract().asByteArray();
        assertEquals(rows.one("select sha256 from media where id = ?", mediaId).get("sha256"), sha256(fetched),
                "the signed URL gives the stored bytes");
        for (String path : List.of("/api/v1/media/{id}", "/api/v1/media/{id}/thumbnail", "/api/v1/media/{id}/links")) {
            given().auth().oauth2(TOKENS.of(cora)).redirects().follow(false).get(path, mediaId)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:not-found"));
        }
    }

    @Test
    void theCustomerSeesTheAdvisorsPhotoInTheirGeneralConversationOnceSentAndAnotherCustomerNever() {
        UUID general = desk.generalOf(carl);
        Person alice = garage.advisor("Ada Stone");
        UUID photo = garage.media(null, "chat-conversation", general, alice);
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", photo)
                .then().statusCode(404);

        desk.send(alice, general, ChatChannel.CUSTOMER, "Your receipt", List.of(photo));
        given().auth().oauth2(TOKENS.of(carl)).redirects().follow(false).get("/api/v1/media/{id}", photo)
                .then().statusCode(303);
        given().auth().oauth2(TOKENS.of(cora)).redirects().follow(false).get("/api/v1/media/{id}", photo)
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/chat/conversations/{id}/messages", general)
                .then().statusCode(404);
    }

    @Test
    void mediaStayInTheConversationTheyWereUploadedFor() {
        UUID general = desk.generalOf(carl);
        UUID generalPhoto = garage.media(null, "chat-conversation", general, carl);
        UUID jobPhoto = garage.media(jobId, "chat-conversation", conversation, carl);

        send(carl, conversation, generalPhoto).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("attachments[0]"));
        send(carl, general, jobPhoto).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("attachments[0]"));
        send(cora, general, generalPhoto).statusCode(404).contentType("application/problem+json");

        assertEquals(0, rows.count("select count(*) from chat_message where conversation_id in (?, ?) and kind <> 'SYSTEM'",
                general, conversation));
        for (UUID untouched : List.of(generalPhoto, jobPhoto)) {
            assertEquals("chat-conversation", rows.one("select target_type from media where id = ?", untouched)
                    .get("target_type"));
        }
    }

    @Test
    void aCustomerUploadsOnlyToTheirOwnConversations() {
        TusClient carls = new TusClient(TOKENS, carl);
        carls.create(TusClient.metadata("job", jobId, "photo", "image/jpeg", UUID.randomUUID()), 1000).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Upload-Metadata.targetType"));
        TusClient coras = new TusClient(TOKENS, cora);
        for (UUID carlsConversation : List.of(conversation, desk.generalOf(carl))) {
            coras.create(TusClient.metadata("chat-conversation", carlsConversation, "photo", "image/jpeg",
                    UUID.randomUUID()), 1000).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:not-found"));
        }
        carls.create(TusClient.metadata("chat-conversation", desk.generalOf(carl), "document", "image/jpeg",
                UUID.randomUUID()), 1000).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Upload-Metadata.kind"));

        assertEquals(0, rows.count("select count(*) from media where garage_id = ?", garage.garageId));
        assertEquals(0, rows.count("select count(*) from media_upload where garage_id = ?", garage.garageId));
    }

    /** A real JPEG uploaded with tus by the customer for the conversation, once checked and stored. */
    private UUID uploaded(Person customer, UUID conversationId) throws IOException {
        byte[] photo = jpeg();
        UUID mediaId = UUID.randomUUID();
        Response created = new TusClient(TOKENS, customer).createWith(TusClient.metadata("chat-conversation",
                conversationId, "photo", "image/jpeg", mediaId), photo.length, photo);
        assertEquals(201, created.statusCode());
        assertEquals(customer.id(), rows.one("select uploaded_by_customer from media where id = ?", mediaId)
                .get("uploaded_by_customer"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "STORED".equals(
                rows.one("select status from media where id = ?", mediaId).get("status")));
        return mediaId;
    }

    private static ValidatableResponse send(Person sender, UUID conversationId, UUID mediaId) {
        return given().auth().oauth2(TOKENS.of(sender)).contentType(ContentType.JSON)
                .body(Map.of("channel", "CUSTOMER", "text", "See this", "attachments", List.of(mediaId.toString())))
                .put("/api/v1/chat/conversations/{id}/messages/{messageId}", conversationId, UUID.randomUUID())
                .then();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        image.createGraphics().setColor(Color.BLUE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", bytes);
        return bytes.toByteArray();
    }
}
