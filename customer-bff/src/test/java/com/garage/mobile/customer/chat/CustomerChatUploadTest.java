package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer's own photos in chat: uploaded with tus to their job's conversation, checked like the
 * bay's, sent in their channel; nothing else of the garage takes a customer's upload.
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
    void aCustomerUploadsOnlyToTheirOwnJobsConversation() {
        TusClient carls = new TusClient(TOKENS, carl);
        carls.create(TusClient.metadata("job", jobId, "photo", "image/jpeg", UUID.randomUUID()), 1000).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Upload-Metadata.targetType"));
        carls.create(TusClient.metadata("chat-conversation", desk.generalOf(carl), "photo", "image/jpeg",
                UUID.randomUUID()), 1000).then().statusCode(400)
                .body("errors[0].field", equalTo("Upload-Metadata.targetId"));
        new TusClient(TOKENS, cora).create(TusClient.metadata("chat-conversation", conversation, "photo",
                "image/jpeg", UUID.randomUUID()), 1000).then().statusCode(404)
                .body("type", equalTo("urn:garage:problem:not-found"));

        assertEquals(0, rows.count("select count(*) from media where garage_id = ?", garage.garageId));
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        image.createGraphics().setColor(Color.BLUE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", bytes);
        return bytes.toByteArray();
    }
}
