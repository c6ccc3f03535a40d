package com.garage.mobile.technician.chat;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff's offline copies of chat follow who may read which channel, as people are added and taken off. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StaffChatSyncTest {

    private static final String TYPE = "chat-message";

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

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
        Rows rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        desk = new ChatDesk(messages, rows);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Brooks");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom).create();
        conversation = desk.conversationOfJob(jobId);
    }

    @Test
    void theTechnicianOnTheJobHoldsTheWorkshopAndGainsAndLosesTheCustomersChannelWithTheAdvisor() {
        String question = SyncReplica.key(TYPE, desk.send(carl, conversation, ChatChannel.CUSTOMER, "Ready yet?"));
        String internal = SyncReplica.key(TYPE, desk.send(alice, conversation, ChatChannel.WORKSHOP, "Tom, ETA?"));

        SyncReplica toms = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        assertTrue(toms.records.containsKey(internal), toms.records.keySet().toString());
        assertFalse(toms.records.containsKey(question));
        assertEquals(jobId.toString(), toms.records.get(internal).get("jobId"));
        toms.assertChecksumMatches();
        SyncReplica tinas = new SyncReplica(TOKENS.of(tina)).catchUp(100);
        assertFalse(tinas.records.containsKey(internal) || tinas.records.containsKey(question));

        given().auth().oauth2(TOKENS.of(alice)).put(StaffChatTest.TECHNICIANS, conversation, tom.id())
                .then().statusCode(200);
        toms.catchUpUntil(100, r -> r.records.containsKey(question));
        @SuppressWarnings("unchecked")
        Map<String, Object> author = (Map<String, Object>) ((Map<String, Object>) toms.records.get(question)
                .get("message")).get("author");
        assertEquals(carl.id().toString(), author.get("id"), "staff see who wrote it");
        toms.assertChecksumMatches();

        given().auth().oauth2(TOKENS.of(alice)).delete(StaffChatTest.TECHNICIANS, conversation, tom.id())
                .then().statusCode(200);
        toms.catchUpUntil(100, r -> r.tombstoned.contains(question));
        assertFalse(toms.records.containsKey(question));
        assertTrue(toms.records.containsKey(internal), "still on the job: the workshop stays");
        toms.assertChecksumMatches();
    }

    @Test
    void anAdvisorHoldsEveryChannelOfTheGarage() {
        String question = SyncReplica.key(TYPE, desk.send(carl, conversation, ChatChannel.CUSTOMER, "Ready yet?"));
        String internal = SyncReplica.key(TYPE, desk.send(tom, conversation, ChatChannel.WORKSHOP, "Pads gone."));

        SyncReplica alices = new SyncReplica(TOKENS.of(alice)).catchUp(100);
        assertTrue(alices.records.containsKey(question) && alices.records.containsKey(internal),
                alices.records.keySet().toString());
        alices.assertChecksumMatches();
    }
}
