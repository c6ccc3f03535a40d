package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages and read cursors queued without signal reach the garage once, in order, through the sync mutations. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OfflineChatTest {

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    Rows rows;
    Person carl;
    Person cora;
    UUID conversation;

    @BeforeEach
    void openRepair() {
        rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        UUID jobId = garage.job(carl, garage.vehicle(carl)).create();
        conversation = new ChatDesk(messages, rows).conversationOfJob(jobId);
    }

    @Test
    void queuedMessagesAreSentOnceAndTheCursorFollows() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<String, Object> one = send(UUID.randomUUID(), first, Map.of("text", "Noise is back"));
        Map<String, Object> two = send(UUID.randomUUID(), second, Map.of("quickReply", "CALL_ME"));
        Map<String, Object> cursor = mutation(UUID.randomUUID(), "chat-cursor", "mark", conversation,
                Map.of("channel", "CUSTOMER", "delivered", 2, "read", 2));
        post(carl, List.of(one, two, cursor)).statusCode(200)
                .body("results.result", contains("applied", "applied", "applied"))
                .body("results[0].record.seq", equalTo(1))
                .body("results[1].record.text", equalTo("Please call me."))
                .body("results[2].record.unread", equalTo(0));
        Map<String, Object> resentWithNewMutationId = send(UUID.randomUUID(), first, Map.of("text", "Noise is back"));
        post(carl, List.of(one, resentWithNewMutationId)).statusCode(200)
                .body("results.result", contains("applied", "applied"))
                .body("results[1].record.seq", equalTo(1));

        assertEquals(2L, rows.count("select count(*) from chat_message where conversation_id = ?", conversation));
        assertEquals(2L, rows.one("select read_seq from chat_read_cursor where conversation_id = ? and person_id = ?",
                conversation, carl.id()).get("read_seq"));
    }

    @Test
    void anotherCustomersConversationIsRejectedAndNothingWritten() {
        post(cora, List.of(send(UUID.randomUUID(), UUID.randomUUID(), Map.of("text", "Hi")))).statusCode(200)
                .body("results[0].result", equalTo("rejected"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:not-found"));
        assertEquals(0L, rows.count("select count(*) from chat_message where conversation_id = ?", conversation));
    }

    private Map<String, Object> send(UUID mutationId, UUID messageId, Map<String, Object> content) {
        Map<String, Object> payload = new HashMap<>(content);
        payload.put("conversationId", conversation);
        payload.put("channel", "CUSTOMER");
        return mutation(mutationId, "chat-message", "send", messageId, payload);
    }

    private static Map<String, Object> mutation(UUID id, String entity, String operation, UUID entityId,
            Map<String, Object> payload) {
        Map<String, Object> mutation = new HashMap<>();
        mutation.put("clientMutationId", id);
        mutation.put("entity", entity);
        mutation.put("operation", operation);
        mutation.put("entityId", entityId);
        mutation.put("payload", payload);
        return mutation;
    }

    private static ValidatableResponse post(Person who, List<?> mutations) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "iphone-" + who.id(), "mutations", mutations))
                .post("/api/v1/sync/mutations").then();
    }
}
