package com.garage.mobile.technician.chat;

import static com.garage.mobile.technician.SignInTest.TOKENS;
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
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Typing signals between staff: to the channel's other readers, throttled, never stored. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TypingTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    Rows rows;
    GarageFixture garage;
    Person alice;
    Person tom;
    Person tina;
    UUID conversation;
    UUID tinasConversation;

    @BeforeEach
    void repair() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        ChatDesk desk = new ChatDesk(messages, rows);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        Person carl = garage.customer("Carl", "Jensen");
        conversation = desk.conversationOfJob(garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom)
                .create());
        tinasConversation = desk.conversationOfJob(garage.job(carl, garage.vehicle(carl)).advisor(alice)
                .assignedTo(tina).assignedTo(tom).create());
    }

    @Test
    void theOthersInTheChannelSeeSomeoneTypingOnceAndNothingIsStored() {
        long eventsBefore = rows.count("select count(*) from chat_event where garage_id = ?", garage.garageId);
        long auditBefore = rows.count("select count(*) from audit_entry where garage_id = ?", garage.garageId);
        try (LiveClient alicesApp = connect(alice); LiveClient tomsApp = connect(tom);
                LiveClient tinasApp = connect(tina)) {
            for (int i = 0; i < 3; i++) {
                type(tomsApp, conversation, "WORKSHOP");
            }
            type(tomsApp, tinasConversation, "WORKSHOP");

            JsonObject typing = alicesApp.await(typingIn(conversation));
            assertEquals("chat", typing.getString("topic"));
            assertEquals("WORKSHOP", typing.getString("channel"));
            assertEquals(tom.id().toString(), typing.getString("personId"));
            assertEquals("Tom Reyes", typing.getString("authorName"));
            assertEquals("technician", typing.getString("authorRole"));
            assertFalse(typing.containsKey("eventId"));
            tinasApp.await(typingIn(tinasConversation));
            alicesApp.await(typingIn(tinasConversation));

            assertEquals(1, alicesApp.messages().stream().filter(typingIn(conversation)).count(),
                    "a burst of typing is one signal");
            assertEquals(List.of(), tinasApp.messages().stream().filter(typingIn(conversation)).toList(),
                    "a technician not on the job does not read its workshop");
            assertEquals(List.of(), tomsApp.messages().stream().filter(m -> "typing".equals(m.getString("type")))
                    .toList(), "nobody is told of their own typing");
        }
        assertEquals(eventsBefore, rows.count("select count(*) from chat_event where garage_id = ?", garage.garageId));
        assertEquals(auditBefore, rows.count("select count(*) from audit_entry where garage_id = ?", garage.garageId));
    }

    @Test
    void typingWhereOneMayNotWriteOrMalformedIsRejectedOnTheSocket() {
        try (LiveClient tinasApp = connect(tina); LiveClient alicesApp = connect(alice)) {
            type(tinasApp, conversation, "WORKSHOP");
            JsonObject refused = tinasApp.await("rejected");
            assertEquals("typing", refused.getString("of"));
            assertEquals("urn:garage:problem:not-found", refused.getJsonObject("problem").getString("type"));

            tinasApp.connection().sendTextAndAwait("{\"type\": \"typing\", \"conversationId\": \"nope\","
                    + " \"channel\": \"WORKSHOP\"}");
            tinasApp.connection().sendTextAndAwait("{\"type\": \"typing\", \"conversationId\": \"" + conversation
                    + "\", \"channel\": \"BACK_OFFICE\"}");
            tinasApp.connection().sendTextAndAwait("{\"type\": \"dance\"}");
            tinasApp.connection().sendTextAndAwait("not json");
            tinasApp.connection().sendTextAndAwait("{\"type\": \"typing\", \"pad\": \"" + "x".repeat(3000) + "\"}");
            Awaitility.await().atMost(LiveClient.PATIENCE)
                    .until(() -> rejections(tinasApp).size() == 6);
            assertEquals(List.of("not-found", "validation", "validation", "validation", "malformed-body",
                    "malformed-body"), rejections(tinasApp).stream().map(problem -> problem.getString("type")
                    .substring("urn:garage:problem:".length())).toList());
            assertEquals("conversationId", rejections(tinasApp).get(1).getJsonArray("errors").getJsonObject(0)
                    .getString("field"));
            assertEquals("channel", rejections(tinasApp).get(2).getJsonArray("errors").getJsonObject(0)
                    .getString("field"));
            assertEquals(List.of(), alicesApp.messages().stream().filter(m -> "typing".equals(m.getString("type")))
                    .toList());
            assertFalse(tinasApp.closeReason() != null, "a refused message leaves the connection open");
        }
    }

    private LiveClient connect(Person person) {
        LiveClient client = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(person), null);
        client.await("caught-up");
        return client;
    }

    private static void type(LiveClient app, UUID conversationId, String channel) {
        app.connection().sendTextAndAwait(new JsonObject().put("type", "typing")
                .put("conversationId", conversationId.toString()).put("channel", channel).encode());
    }

    private static List<JsonObject> rejections(LiveClient app) {
        return app.messages().stream().filter(m -> "rejected".equals(m.getString("type")))
                .map(m -> m.getJsonObject("problem")).toList();
    }

    private static Predicate<JsonObject> typingIn(UUID conversationId) {
        return m -> "typing".equals(m.getString("type")) && conversationId.toString().equals(m.getString("conversationId"));
    }
}
