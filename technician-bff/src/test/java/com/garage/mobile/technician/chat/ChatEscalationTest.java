package com.garage.mobile.technician.chat;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.chat.escalation.Escalations;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.chat.ResponseWatch;
import com.garage.mobile.technician.notifications.PushFixture;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The response clock of a job's customer channel on the garage's business hours (London, standard
 * hours, January so UTC): a warning to the advisor before the target, a breach escalated to the
 * admins at it, each once; escalation, priority and handover by the people allowed, audited and
 * heard by staff only. The clock is moved for each step and put back after.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ChatEscalationTest {

    static final String ESCALATION = "/api/v1/chat/conversations/{id}/escalation";
    static final String PRIORITY = "/api/v1/chat/conversations/{id}/priority";
    static final String ASSIGNEE = "/api/v1/chat/conversations/{id}/assignee";
    /** Wednesday 6 January 2027, 10:00 in London (GMT). */
    static final Instant WEDNESDAY_TEN = Instant.parse("2027-01-06T10:00:00Z");

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    ResponseWatch watch;

    MovableClock clock;
    Rows rows;
    GarageFixture garage;
    ChatDesk desk;
    Person alice;
    Person bob;
    Person ada;
    Person tom;
    Person tina;
    Person carl;
    UUID jobId;
    UUID conversation;

    @BeforeEach
    void openRepair() {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        desk = new ChatDesk(messages, rows);
        alice = garage.advisor("Alice Morgan");
        bob = garage.advisor("Bob Stone");
        ada = garage.admin("Ada Brennan");
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom).create();
        conversation = desk.conversationOfJob(jobId);
    }

    @AfterEach
    void backToNow() {
        clock.moveTo(Instant.now());
    }

    @Test
    void aWaitingCustomerIsWarnedAboutThenEscalatedToTheAdminsOnceEach() throws Throwable {
        PushFixture push = new PushFixture(garage);
        push.consent(alice, "CHAT", true);
        UUID alicesPhone = push.android(alice, PushFixture.fcmToken());
        push.consent(ada, "CHAT", true);
        UUID adasPhone = push.android(ada, PushFixture.fcmToken());
        UUID bobsPhone = push.android(bob, PushFixture.fcmToken());
        push.consent(bob, "CHAT", true);

        sendAt(WEDNESDAY_TEN, carl, "Is my car ready?");
        // normal first response: 4 h of business time, the warning with 20 % (48 min) left
        Map<String, Object> wait = clockRow();
        assertEquals("FIRST", wait.get("awaiting"));
        assertNear(WEDNESDAY_TEN.plusSeconds(4 * 3600), wait.get("due_at"));
        assertNear(WEDNESDAY_TEN.plusSeconds(3 * 3600 + 12 * 60), wait.get("warn_at"));

        watchAt(WEDNESDAY_TEN.plusSeconds(3 * 3600));
        assertEquals(0L, events("chat.response-warning"));
        twoPodsWatchAt(WEDNESDAY_TEN.plusSeconds(3 * 3600 + 15 * 60));
        watchAt(WEDNESDAY_TEN.plusSeconds(3 * 3600 + 30 * 60));
        assertEquals(1L, events("chat.response-warning"));
        assertEquals(0L, events("chat.response-breached"));
        assertEquals(1L, pushes(alicesPhone, "chat-response-warning"));
        assertEquals(0L, pushes(bobsPhone, "chat-response-warning"), "the job's advisor is warned, not every advisor");
        assertEquals(0L, pushes(adasPhone, "chat-response-warning"));
        String warning = (String) rows.one("select payload->>'body' as body from outbound_work where"
                + " payload->>'deviceId' = ? and payload->>'notificationKey' like ?", alicesPhone.toString(),
                "chat-response-warning:" + conversation + "%").get("body");
        assertTrue(warning.contains("due by 14:00"), warning);

        twoPodsWatchAt(WEDNESDAY_TEN.plusSeconds(4 * 3600 + 60));
        watchAt(WEDNESDAY_TEN.plusSeconds(5 * 3600));
        assertEquals(1L, events("chat.response-breached"));
        assertEquals(1L, events("chat.response-warning"));
        assertEquals(1L, pushes(adasPhone, "chat-response-breached"));
        assertEquals(0L, pushes(alicesPhone, "chat-response-breached"));
        assertEquals(2L, rows.count("select count(*) from audit_entry where garage_id = ? and resource_id = ?"
                + " and action in ('chat.response-warning', 'chat.response-breached') and channel = 'scheduler'",
                garage.garageId, conversation.toString()));
        assertEquals("WORKSHOP", rows.one("select channel from chat_event where conversation_id = ? and type ="
                + " 'chat.response-breached'", conversation).get("channel"), "staff only: never the customer's channel");

        sendAt(WEDNESDAY_TEN.plusSeconds(5 * 3600), alice, "Sorry Carl, ready at five.");
        Map<String, Object> response = rows.one("select * from chat_response where conversation_id = ?", conversation);
        assertEquals(true, response.get("breached"));
        assertEquals("FIRST", response.get("kind"));
        assertNear(5 * 3600, response.get("response_seconds"));
        assertEquals(null, clockRow().get("awaiting"));

        // the next wait is a new period: its own warning, once
        Instant later = WEDNESDAY_TEN.plusSeconds(6 * 3600);
        sendAt(later, carl, "Thanks, and the invoice?");
        assertEquals("NEXT", clockRow().get("awaiting"));
        // normal next response, 8 h: Wednesday 16:00-18:00, then Thursday 08:00-14:00
        assertNear(Instant.parse("2027-01-07T14:00:00Z"), clockRow().get("due_at"));
        watchAt(Instant.parse("2027-01-07T12:00:00Z"));
        assertEquals(1L, events("chat.response-warning"));
        watchAt(Instant.parse("2027-01-07T12:30:00Z"));
        assertEquals(2L, events("chat.response-warning"));
    }

    @Test
    void responsesAreMeasuredInBusinessTimeAndTheClockPausesWhileWaitingOnTheCustomer() throws Throwable {
        Instant fridayEvening = Instant.parse("2027-01-08T17:30:00Z");
        sendAt(fridayEvening, carl, "Can I collect tomorrow?");
        // half an hour on Friday, then Saturday 09:00-12:30
        assertNear(Instant.parse("2027-01-09T12:30:00Z"), clockRow().get("due_at"));
        Instant mondayMorning = Instant.parse("2027-01-11T08:30:00Z");
        sendAt(mondayMorning, alice, "Yes, from nine.");
        Map<String, Object> first = rows.one("select * from chat_response where conversation_id = ?", conversation);
        assertNear(5 * 3600, first.get("response_seconds"));
        assertEquals(true, first.get("breached"));
        assertEquals(4L * 3600, ((Number) first.get("target_seconds")).longValue());

        sendAt(mondayMorning.plusSeconds(3600), alice, "See you then.");
        watchAt(mondayMorning.plusSeconds(30 * 24 * 3600));
        assertEquals(0L, events("chat.response-warning"), "waiting on the customer: nothing is due");
        assertEquals(1L, rows.count("select count(*) from chat_response where conversation_id = ?", conversation));

        desk.send(tom, conversation, ChatChannel.WORKSHOP, "Car is on the lift.");
        assertEquals(null, clockRow().get("awaiting"), "the workshop channel does not start the clock");
    }

    @Test
    void aTechnicianEscalatesAndAnAdvisorSetsThePriority() throws Throwable {
        sendAt(WEDNESDAY_TEN, carl, "It is making a noise.");
        try (LiveClient alicesBoard = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(alice), null)) {
            alicesBoard.await("caught-up");
            given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                    .body(Map.of("priority", "URGENT", "reason", "Customer sounds worried"))
                    .put(ESCALATION, conversation).then().statusCode(200);
            JsonObject live = alicesBoard.await(m -> "chat.priority-changed".equals(m.getString("event")));
            assertEquals(conversation.toString(), live.getString("conversationId"));
            assertEquals("URGENT", live.getJsonObject("data").getString("priority"));
            assertEquals("Tom Reyes", live.getJsonObject("data").getString("byName"));
        }
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("priority", "URGENT", "reason", "Customer sounds worried"))
                .put(ESCALATION, conversation).then().statusCode(200)
                .body("priority", equalTo("URGENT")).body("advisorId", equalTo(alice.id().toString()))
                .body("awaiting", equalTo("FIRST"));
        assertEquals(1L, events("chat.priority-changed"), "the same escalation again changes nothing");
        // urgent first response: 15 minutes from the customer's message
        assertNear(WEDNESDAY_TEN.plusSeconds(15 * 60), clockRow().get("due_at"));
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).body(Map.of("priority", "HIGH"))
                .put(ESCALATION, conversation).then().statusCode(200).body("priority", equalTo("URGENT"))
                .body("reason", equalTo("Customer sounds worried"));
        assertEquals(1L, events("chat.priority-changed"), "asking for less than it has changes nothing");
        Map<String, Object> event = rows.one("select channel, payload::text as payload from chat_event"
                + " where conversation_id = ? and type = 'chat.priority-changed'", conversation);
        assertEquals("WORKSHOP", event.get("channel"));
        assertTrue(((String) event.get("payload")).contains("Customer sounds worried"));
        assertEquals(3L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", garage.garageId, Escalations.ESCALATE));

        given().auth().oauth2(TOKENS.of(tina)).contentType(ContentType.JSON).body(Map.of("priority", "URGENT"))
                .put(ESCALATION, conversation).then().statusCode(404);
        refused(tom, Map.of("priority", "NORMAL"), "priority");
        refused(tom, Map.of("priority", "URGENT", "reason", "   "), "reason");
        refused(tom, Map.of("priority", "SOON"), null);
        refused(tom, Map.of(), "priority");
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).body(Map.of("priority", "NORMAL"))
                .put(PRIORITY, conversation).then().statusCode(403);
        assertEquals("URGENT", clockRow().get("priority"));
        assertEquals(1L, events("chat.priority-changed"));

        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).body(Map.of("priority", "NORMAL"))
                .put(PRIORITY, conversation).then().statusCode(200).body("priority", equalTo("NORMAL"));
        assertNear(WEDNESDAY_TEN.plusSeconds(4 * 3600), clockRow().get("due_at"));
        assertEquals(2L, events("chat.priority-changed"));
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON)
                .body(Map.of("priority", "LOW")).put(PRIORITY, conversation).then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals("NORMAL", clockRow().get("priority"));
    }

    @Test
    void anAdvisorHandsTheConversationOverToAnotherWhoReadsItsHistory() {
        desk.send(carl, conversation, ChatChannel.CUSTOMER, "Any news?");
        handOver(alice, bob.id()).statusCode(200).body("advisorId", equalTo(bob.id().toString()))
                .body("advisorName", equalTo("Bob Stone")).body("handedOver", equalTo(true));
        handOver(alice, bob.id()).statusCode(200);
        assertEquals(1L, events("chat.assigned"));
        assertEquals(bob.id(), clockRow().get("assigned_advisor_id"));
        assertEquals(2L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", garage.garageId, Escalations.HANDOVER));
        given().auth().oauth2(TOKENS.of(bob)).get("/api/v1/chat/conversations/{id}/messages", conversation).then()
                .statusCode(200).body("items[0].text", equalTo("Any news?"));

        Person olaf = GarageFixture.create(dataSource).advisor("Olaf Berg");
        Person gone = garage.advisor("Gina Left");
        garage.sql("update staff set active = false where id = ?", gone.id());
        for (UUID target : new UUID[] {tom.id(), ada.id(), olaf.id(), gone.id(), UUID.randomUUID()}) {
            handOver(alice, target).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("advisorId"));
        }
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).body(Map.of()).put(ASSIGNEE, conversation)
                .then().statusCode(400).body("errors[0].field", equalTo("advisorId"));
        handOver(tom, alice.id()).statusCode(403);
        handOver(olaf, olaf.id()).statusCode(404);
        assertEquals(bob.id(), clockRow().get("assigned_advisor_id"));
        assertEquals(1L, events("chat.assigned"));
    }

    @Test
    void aCustomerSeesNeitherTheDeadlinesNorTheAdvisorsIdButStaffDo() {
        desk.send(carl, conversation, ChatChannel.CUSTOMER, "Hello?");
        given().auth().oauth2(TOKENS.of(alice)).get(ESCALATION, conversation).then().statusCode(200)
                .body("priority", equalTo("NORMAL")).body("awaitingAnswer", equalTo(true))
                .body("advisorId", equalTo(alice.id().toString())).body("handedOver", equalTo(false));
        given().auth().oauth2(TOKENS.of(tina)).get(ESCALATION, conversation).then().statusCode(404);
        Person olaf = GarageFixture.create(dataSource).advisor("Olaf Berg");
        given().auth().oauth2(TOKENS.of(olaf)).get(ESCALATION, conversation).then().statusCode(404);
    }

    private ValidatableResponse handOver(Person who, UUID advisorId) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON)
                .body(Map.of("advisorId", advisorId.toString())).put(ASSIGNEE, conversation).then();
    }

    private void refused(Person who, Map<String, Object> body, String field) {
        ValidatableResponse response = given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body)
                .put(ESCALATION, conversation).then().statusCode(400).contentType("application/problem+json");
        if (field != null) {
            response.body("errors[0].field", equalTo(field));
        } else {
            response.body("type", equalTo("urn:garage:problem:validation"));
        }
    }

    private void sendAt(Instant moment, Person who, String text) {
        clock.moveTo(moment);
        desk.send(who, conversation, ChatChannel.CUSTOMER, text);
        clock.moveTo(Instant.now());
    }

    private void watchAt(Instant moment) throws Throwable {
        clock.moveTo(moment);
        VertxContextSupport.subscribeAndAwait(() -> watch.watchOnce());
        clock.moveTo(Instant.now());
    }

    /** Two passes at once, as two pods would run them. */
    private void twoPodsWatchAt(Instant moment) throws Throwable {
        clock.moveTo(moment);
        VertxContextSupport.subscribeAndAwait(() -> Uni.combine().all().unis(watch.watchOnce(), watch.watchOnce())
                .asTuple());
        clock.moveTo(Instant.now());
    }

    private Map<String, Object> clockRow() {
        return rows.one("select * from chat_response_clock where conversation_id = ?", conversation);
    }

    private long events(String type) {
        return rows.count("select count(*) from chat_event where conversation_id = ? and type = ?", conversation, type);
    }

    private long pushes(UUID device, String stage) {
        return rows.count("select count(*) from outbound_work where kind = 'notification' and payload->>'deviceId' = ?"
                + " and payload->>'notificationKey' like ?", device.toString(), stage + ":" + conversation + "%");
    }

    /** The clock keeps ticking while a step runs: within a few seconds of the expected instant. */
    private static void assertNear(Instant expected, Object actual) {
        Instant at = actual instanceof Timestamp stamp ? stamp.toInstant()
                : actual instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) actual;
        long drift = Math.abs(at.getEpochSecond() - expected.getEpochSecond());
        assertTrue(drift < 10, "expected about " + expected + " but was " + at);
    }

    private static void assertNear(long expectedSeconds, Object actual) {
        long drift = Math.abs(((Number) actual).longValue() - expectedSeconds);
        assertTrue(drift < 10, "expected about " + expectedSeconds + " s but was " + actual);
    }
}
