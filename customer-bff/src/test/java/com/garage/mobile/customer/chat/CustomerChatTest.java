package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.CapturedLog;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.PlanCacheMisses;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer talks with the garage about their repair: in order, once per message, never behind the workshop wall. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerChatTest {

    static final String MESSAGES = "/api/v1/chat/conversations/{id}/messages";

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    @Inject
    Mutiny.SessionFactory sessions;

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
    void customerMessagesAreNumberedInOrderAndKeptVerbatim() {
        String text = "  Is the rattle\r\nfixed?  ";
        send(carl, "CUSTOMER", UUID.randomUUID(), Map.of("text", text)).statusCode(201)
                .body("seq", equalTo(1)).body("text", equalTo(text)).body("kind", equalTo("TEXT"))
                .body("author.role", equalTo("customer")).body("author.id", equalTo(carl.id().toString()));
        send(carl, "CUSTOMER", UUID.randomUUID(), Map.of("quickReply", "WHEN_READY")).statusCode(201)
                .body("seq", equalTo(2)).body("text", equalTo("When will it be ready?"))
                .body("quickReply", equalTo("WHEN_READY"));
        desk.send(alice, conversation, ChatChannel.CUSTOMER, "Tomorrow at noon.");

        given().auth().oauth2(TOKENS.of(carl)).queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(200)
                .body("items.seq", contains(3, 2, 1))
                .body("items[0].author.role", equalTo("advisor"))
                .body("items[0].author.name", equalTo("Alice Morgan"))
                .body("items[0].author.id", nullValue());
        given().auth().oauth2(TOKENS.of(carl)).queryParam("after", 1).queryParam("limit", 1)
                .queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(200)
                .body("items.seq", contains(2)).body("hasMore", equalTo(true)).body("nextCursor", equalTo("2"));
        assertEquals(text, rows.one("select body from chat_message where conversation_id = ? and seq = 1",
                conversation).get("body"));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/conversations/{id}", conversation).then()
                .statusCode(200).body("kind", equalTo("job")).body("jobId", equalTo(jobId.toString()))
                .body("channels.channel", contains("CUSTOMER")).body("channels[0].lastSeq", equalTo(3));
    }

    @Test
    void aResendWithTheSameIdAnswersTheStoredMessageAndWritesNothing() {
        UUID id = UUID.randomUUID();
        send(carl, "CUSTOMER", id, Map.of("text", "Any news?")).statusCode(201).body("seq", equalTo(1));
        send(carl, "CUSTOMER", id, Map.of("text", "Any news?")).statusCode(200).body("seq", equalTo(1))
                .body("id", equalTo(id.toString()));
        send(carl, "CUSTOMER", id, Map.of("text", "Something else")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:message-id-reused"));

        assertEquals(1L, rows.count("select count(*) from chat_message where conversation_id = ?", conversation));
        assertEquals("Any news?", rows.one("select body from chat_message where id = ?", id).get("body"));
        assertEquals(1L, rows.one("select customer_last_seq from chat_conversation where id = ?", conversation)
                .get("customer_last_seq"));
    }

    @Test
    void messagesSentAtOnceGetEveryNumberOnce() throws Exception {
        int senders = 12;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                String text = "Message " + i;
                sent.add(pool.submit(() -> send(carl, "CUSTOMER", UUID.randomUUID(), Map.of("text", text))
                        .extract().statusCode()));
            }
            for (Future<Integer> status : sent) {
                assertEquals(201, status.get());
            }
        } finally {
            pool.shutdown();
        }
        List<Object> seqs = rows.query("select seq from chat_message where conversation_id = ? order by seq",
                conversation).stream().map(row -> row.get("seq")).toList();
        assertEquals(java.util.stream.LongStream.rangeClosed(1, senders).boxed().toList(), seqs);
    }

    /** Once warm, a send makes no query plan of its own (a native select would make one every time). */
    @Test
    void sendsRunFromKeptQueryPlans() {
        for (int warm = 0; warm < 2; warm++) {
            send(carl, "CUSTOMER", UUID.randomUUID(), Map.of("text", "Warming up")).statusCode(201);
        }
        int sends = 5;
        long made = PlanCacheMisses.during(sessions, () -> {
            for (int i = 0; i < sends; i++) {
                send(carl, "CUSTOMER", UUID.randomUUID(), Map.of("text", "Message " + i)).statusCode(201);
            }
        });
        assertTrue(made < sends, made + " plans made for " + sends + " sends");
    }

    @Test
    void theWorkshopChannelIsNeverShownToTheCustomer() {
        desk.send(tom, conversation, ChatChannel.WORKSHOP, "Heat shield is loose, quote it?");
        desk.send(alice, conversation, ChatChannel.WORKSHOP, "Yes, add it.");

        given().auth().oauth2(TOKENS.of(carl)).queryParam("channel", "WORKSHOP").get(MESSAGES, conversation).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:garage:problem:not-found"));
        send(carl, "WORKSHOP", UUID.randomUUID(), Map.of("text", "Let me in")).statusCode(404)
                .body("type", equalTo("urn:garage:problem:not-found"));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/jobs/{id}/conversation", jobId).then().statusCode(200)
                .body("id", equalTo(conversation.toString())).body("channels.channel", contains("CUSTOMER"))
                .body("channels[0].lastSeq", equalTo(0));
        given().auth().oauth2(TOKENS.of(carl)).queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(200)
                .body("items.size()", equalTo(0));
        assertEquals(0L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, carl.id()));
    }

    @Test
    void aCustomerCannotReachAnotherCustomersConversation() {
        desk.send(alice, conversation, ChatChannel.CUSTOMER, "Your brakes need pads.");

        given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/chat/conversations/{id}", conversation).then()
                .statusCode(404).body("type", equalTo("urn:garage:problem:not-found"));
        given().auth().oauth2(TOKENS.of(cora)).queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(404);
        given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/jobs/{id}/conversation", jobId).then().statusCode(404);
        send(cora, "CUSTOMER", UUID.randomUUID(), Map.of("text", "Hello?")).statusCode(404);

        given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/chat/conversations").then().statusCode(200)
                .body("items.kind", contains("general"));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/conversations").then().statusCode(200)
                .body("items.kind", containsInAnyOrder("job", "general"))
                .body("items[0].id", equalTo(conversation.toString()));
        assertEquals(1L, rows.count("select count(*) from chat_message where conversation_id = ?", conversation));
    }

    @Test
    void badMessagesAreRefusedAndNothingIsWritten() {
        UUID id = UUID.randomUUID();
        refused(send(carl, "CUSTOMER", id, Map.of("text", "")), "text");
        refused(send(carl, "CUSTOMER", id, Map.of("text", " \n ")), "text");
        refused(send(carl, "CUSTOMER", id, Map.of("text", "x".repeat(4001))), "text");
        refused(send(carl, "CUSTOMER", id, Map.of("text", "Hi", "quickReply", "WHEN_READY")), "text");
        refused(send(carl, "CUSTOMER", id, Map.of()), "text");
        refused(send(carl, "CUSTOMER", id, Map.of("quickReply", "READY_FOR_PICKUP")), "quickReply");
        refused(send(carl, "CUSTOMER", id, Map.of("quickReply", "when ready")), "quickReply");
        refused(send(carl, "LOBBY", id, Map.of("text", "Hi")), "channel");
        given().auth().oauth2(TOKENS.of(carl)).queryParam("channel", "lobby")
                .get(MESSAGES, conversation).then().statusCode(400).body("type", equalTo("urn:garage:problem:validation"));
        given().auth().oauth2(TOKENS.of(carl)).queryParam("after", "x").queryParam("channel", "CUSTOMER").get(MESSAGES, conversation)
                .then().statusCode(400).body("type", equalTo("urn:garage:problem:validation"));
        given().auth().oauth2(TOKENS.of(carl)).queryParam("after", 1).queryParam("before", 5)
                .queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(400)
                .body("errors[0].field", equalTo("before"));

        assertEquals(0L, rows.count("select count(*) from chat_message where conversation_id = ?", conversation));
        assertEquals(0L, rows.one("select customer_last_seq from chat_conversation where id = ?", conversation)
                .get("customer_last_seq"));
    }

    @Test
    void aStatusChangeOfTheJobIsSaidInTheCustomerChannel() {
        send(carl, "CUSTOMER", UUID.randomUUID(), Map.of("text", "Started yet?")).statusCode(201);
        new Workshop(statuses, assignments).change(alice, jobId, JobStatus.IN_PROGRESS);

        given().auth().oauth2(TOKENS.of(carl)).queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(200)
                .body("items.seq", contains(2, 1))
                .body("items[0].kind", equalTo("SYSTEM"))
                .body("items[0].author.role", equalTo("system"))
                .body("items[0].text", equalTo("Status: In Progress"));
    }

    @Test
    void theGeneralConversationTakesQuestionsOutsideARepair() {
        UUID general = desk.generalOf(carl);
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/general").then().statusCode(200)
                .body("id", equalTo(general.toString())).body("kind", equalTo("general"))
                .body("jobId", nullValue()).body("channels.channel", contains("CUSTOMER"));
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("channel", "CUSTOMER", "text", "Do you fit tow bars?"))
                .put(MESSAGES + "/{messageId}", general, UUID.randomUUID()).then().statusCode(201)
                .body("seq", equalTo(1));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/chat/quick-replies").then().statusCode(200)
                .body("name", contains("WHEN_READY", "CALL_ME", "COST_SO_FAR", "PICK_UP_NOW"));
    }

    @Test
    void theAuditTrailRecordsTheSendWithoutItsText() {
        UUID id = UUID.randomUUID();
        send(carl, "CUSTOMER", id, Map.of("text", "My door code is 4711")).statusCode(201);

        Map<String, Object> entry = rows.one("select action, detail::text as detail, detail ->> 'channel' as channel"
                + " from audit_entry where garage_id = ? and resource_id = ?", garage.garageId, id.toString());
        assertEquals(ChatMessages.SEND, entry.get("action"));
        assertEquals("CUSTOMER", entry.get("channel"), "the detail is an object, not a string holding one");
        assertFalse(entry.get("detail").toString().contains("4711"));
    }

    @Test
    void theTextNeverReachesTheLog() {
        List<String> lines;
        try (CapturedLog log = CapturedLog.start()) {
            UUID id = UUID.randomUUID();
            send(carl, "CUSTOMER", id, Map.of("text", "Alarm code 90210")).statusCode(201);
            send(carl, "CUSTOMER", id, Map.of("text", "Alarm code 90211")).statusCode(409);
            send(cora, "CUSTOMER", UUID.randomUUID(), Map.of("text", "Alarm code 90212")).statusCode(404);
            send(carl, "WORKSHOP", UUID.randomUUID(), Map.of("text", "Alarm code 90213")).statusCode(404);
            org.jboss.logging.Logger.getLogger(CustomerChatTest.class).info("log capture works");
            lines = log.lines();
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("log capture works")), "nothing was captured");
        assertFalse(lines.stream().anyMatch(line -> line.contains("Alarm code")), String.join("\n", lines));
    }

    private ValidatableResponse send(Person who, String channel, UUID id, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("channel", channel);
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body)
                .put(MESSAGES + "/{messageId}", conversation, id).then();
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:validation"))
                .body("errors[0].field", equalTo(field));
    }
}
