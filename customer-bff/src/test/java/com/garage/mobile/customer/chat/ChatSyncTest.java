package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer's chat in their offline copy: their channel, as it changes, and never the workshop's. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ChatSyncTest {

    private static final String TYPE = "chat-message";

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

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
        Rows rows = new Rows(dataSource);
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
    void theCustomersChannelIsInTheirCopyWithItsJobAndTheWorkshopsIsNot() {
        UUID answer = desk.send(alice, conversation, ChatChannel.CUSTOMER, "Your pads need replacing.");
        UUID internal = desk.send(tom, conversation, ChatChannel.WORKSHOP, "Quote the pads.");

        SyncReplica carls = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        Map<String, Object> record = carls.records.get(SyncReplica.key(TYPE, answer));
        assertNotNull(record, carls.records.keySet().toString());
        assertEquals(jobId.toString(), record.get("jobId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) record.get("message");
        assertEquals("Your pads need replacing.", message.get("text"));
        assertEquals("CUSTOMER", message.get("channel"));
        @SuppressWarnings("unchecked")
        Map<String, Object> author = (Map<String, Object>) message.get("author");
        assertNull(author.get("id"), "a customer sees staff by name only");
        assertFalse(carls.records.containsKey(SyncReplica.key(TYPE, internal)));
        carls.assertChecksumMatches();

        SyncReplica coras = new SyncReplica(TOKENS.of(cora)).catchUp(100);
        assertFalse(coras.records.keySet().stream().anyMatch(key -> key.startsWith(TYPE)), coras.records.toString());
    }

    @Test
    void aMessageSentWhileOfflineComesBackAsAnUpsertAndADeletionKeepsItsTombstone() {
        SyncReplica carls = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        UUID mine = UUID.randomUUID();
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("channel", "CUSTOMER", "text", "When will it be ready?"))
                .put("/api/v1/chat/conversations/{id}/messages/{messageId}", conversation, mine)
                .then().statusCode(201);
        String key = SyncReplica.key(TYPE, mine);
        carls.catchUpUntil(100, r -> r.upserted.contains(key));
        carls.assertChecksumMatches();

        given().auth().oauth2(TOKENS.of(carl))
                .delete("/api/v1/chat/conversations/{id}/messages/{messageId}", conversation, mine)
                .then().statusCode(200);
        carls.catchUpUntil(100, r -> r.upserted.contains(key)
                && ((Map<?, ?>) r.records.get(key).get("message")).get("deletedAt") != null);
        assertNull(((Map<?, ?>) carls.records.get(key).get("message")).get("text"));
        carls.assertChecksumMatches();
    }
}
