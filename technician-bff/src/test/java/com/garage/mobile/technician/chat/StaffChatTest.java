package com.garage.mobile.technician.chat;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.chat.ChatParticipants;
import com.garage.mobile.platform.security.ratelimit.RateLimitConfig;
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
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who in the workshop reads which channel: advisors all of their garage, technicians their jobs' workshop talk. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StaffChatTest {

    static final String MESSAGES = "/api/v1/chat/conversations/{id}/messages";
    static final String TECHNICIANS = "/api/v1/chat/conversations/{id}/technicians/{technicianId}";

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    RateLimitConfig limits;

    Rows rows;
    GarageFixture garage;
    ChatDesk desk;
    Person alice;
    Person tom;
    Person tina;
    Person carl;
    UUID jobId;
    UUID conversation;

    @BeforeEach
    void openRepair() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        desk = new ChatDesk(messages, rows);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom).create();
        conversation = desk.conversationOfJob(jobId);
        desk.send(carl, conversation, ChatChannel.CUSTOMER, "Is it done?");
    }

    @Test
    void technicianOnTheJobTalksInTheWorkshopButReadsTheCustomerOnlyOnceAdded() {
        send(tom, "WORKSHOP", UUID.randomUUID(), "Pads are at 2 mm.").statusCode(201).body("seq", equalTo(1));
        given().auth().oauth2(TOKENS.of(tom)).queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(404);
        send(tom, "CUSTOMER", UUID.randomUUID(), "Hello Carl").statusCode(404);
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/{id}/conversation", jobId).then().statusCode(200)
                .body("channels.channel", contains("WORKSHOP"));

        given().auth().oauth2(TOKENS.of(alice)).put(TECHNICIANS, conversation, tom.id()).then().statusCode(200)
                .body("channels.channel", contains("CUSTOMER", "WORKSHOP"));

        given().auth().oauth2(TOKENS.of(tom)).queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(200)
                .body("items.text", contains("Is it done?")).body("items[0].author.id", equalTo(carl.id().toString()));
        send(tom, "CUSTOMER", UUID.randomUUID(), "Nearly, Carl.").statusCode(201).body("seq", equalTo(2));
        assertEquals(1L, rows.count("select count(*) from chat_participant where conversation_id = ? and staff_id = ?",
                conversation, tom.id()));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", garage.garageId, ChatParticipants.ADD));

        given().auth().oauth2(TOKENS.of(alice)).delete(TECHNICIANS, conversation, tom.id()).then().statusCode(200);
        given().auth().oauth2(TOKENS.of(tom)).queryParam("channel", "CUSTOMER").get(MESSAGES, conversation).then().statusCode(404);
    }

    @Test
    void technicianNotOnTheJobSeesNothingOfIt() {
        desk.send(alice, conversation, ChatChannel.WORKSHOP, "Tom, check the pads.");

        given().auth().oauth2(TOKENS.of(tina)).get("/api/v1/chat/conversations/{id}", conversation).then()
                .statusCode(404).body("type", equalTo("urn:garage:problem:not-found"));
        given().auth().oauth2(TOKENS.of(tina)).queryParam("channel", "WORKSHOP").get(MESSAGES, conversation).then().statusCode(404);
        send(tina, "WORKSHOP", UUID.randomUUID(), "Me too").statusCode(404);
        given().auth().oauth2(TOKENS.of(tina)).get("/api/v1/chat/conversations").then().statusCode(200)
                .body("items.id", not(hasItem(conversation.toString())));
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/chat/conversations").then().statusCode(200)
                .body("items.id", contains(conversation.toString()));
        assertEquals(1L, rows.count("select count(*) from chat_message where conversation_id = ? and channel = 'WORKSHOP'",
                conversation));
    }

    @Test
    void advisorReadsBothChannelsOfTheGarageAndNothingOfAnother() {
        desk.send(tom, conversation, ChatChannel.WORKSHOP, "Needs a part.");
        given().auth().oauth2(TOKENS.of(alice)).queryParam("channel", "WORKSHOP").get(MESSAGES, conversation).then().statusCode(200)
                .body("items.text", contains("Needs a part."));
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).body(Map.of("channel", "CUSTOMER", "quickReply", "LOOKING_INTO_IT"))
                .put(MESSAGES + "/{messageId}", conversation, UUID.randomUUID()).then().statusCode(201)
                .body("seq", equalTo(2)).body("author.id", equalTo(alice.id().toString()));

        GarageFixture other = GarageFixture.create(dataSource);
        Person olga = other.advisor("Olga Berg");
        given().auth().oauth2(TOKENS.of(olga)).get("/api/v1/chat/conversations/{id}", conversation).then()
                .statusCode(404);
        given().auth().oauth2(TOKENS.of(olga)).put(TECHNICIANS, conversation, tom.id()).then().statusCode(404);
        send(olga, "CUSTOMER", UUID.randomUUID(), "Hi").statusCode(404);
        given().auth().oauth2(TOKENS.of(olga)).get("/api/v1/chat/conversations").then().statusCode(200)
                .body("items.id", not(hasItem(conversation.toString())));
        assertEquals(2L, rows.count("select count(*) from chat_message where conversation_id = ? and channel = 'CUSTOMER'",
                conversation));
    }

    @Test
    void onlyAdvisorsAddAndOnlyActiveTechniciansOfTheGarage() {
        given().auth().oauth2(TOKENS.of(tom)).put(TECHNICIANS, conversation, tina.id()).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKENS.of(alice)).put(TECHNICIANS, conversation, alice.id()).then().statusCode(400)
                .body("errors[0].field", equalTo("technicianId"));
        given().auth().oauth2(TOKENS.of(alice)).put(TECHNICIANS, conversation, UUID.randomUUID()).then()
                .statusCode(404);
        assertEquals(0L, rows.count("select count(*) from chat_participant where conversation_id = ?", conversation));
    }

    @Test
    void sendingHasItsOwnBudgetPerPerson() {
        int budget = limits.chatSend().perUser();
        for (int i = 0; i < budget; i++) {
            send(alice, "WORKSHOP", UUID.randomUUID(), "Note " + i).statusCode(201);
        }
        send(alice, "WORKSHOP", UUID.randomUUID(), "One too many").statusCode(429)
                .body("type", equalTo("urn:garage:problem:rate-limited"));
        given().auth().oauth2(TOKENS.of(alice)).queryParam("channel", "WORKSHOP").get(MESSAGES, conversation).then().statusCode(200);
        assertEquals((long) budget, rows.count("select count(*) from chat_message where conversation_id = ? and channel = 'WORKSHOP'",
                conversation));
    }

    private ValidatableResponse send(Person who, String channel, UUID id, String text) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON)
                .body(Map.of("channel", channel, "text", text))
                .put(MESSAGES + "/{messageId}", conversation, id).then();
    }
}
