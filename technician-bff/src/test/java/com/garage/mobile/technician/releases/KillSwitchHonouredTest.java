package com.garage.mobile.technician.releases;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static com.garage.mobile.technician.releases.ReleaseDesk.appConfig;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.time.GarageClock;
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
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A kill switch turns chat off for the builds it names: in the apps' configuration and in the BFF itself. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class KillSwitchHonouredTest {

    static final String SWITCHES = "/api/v1/admin/kill-switches";
    static final String OFF = "Chat is off on 3.1 while we fix sending; update to 3.2.";

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    Rows rows;
    GarageFixture garage;
    ReleaseDesk desk;
    Person tom;
    UUID conversation;

    @BeforeEach
    void technicianOnAJobWithAConversation() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        ReleaseDesk.clear(garage);
        desk = new ReleaseDesk(rows, garage.admin("Ada Brennan"), new GarageClock());
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        conversation = new ChatDesk(messages, rows).conversationOfJob(jobId);
    }

    @AfterEach
    void noSwitchesLeft() {
        ReleaseDesk.clear(garage);
    }

    @Test
    void chatIsOffForTheVersionsTheSwitchNamesAndOnForOthers() {
        String id = desk.asAdmin("POST", SWITCHES, Map.of("feature", "chat", "app", "STAFF", "fromVersion", "3.1.0",
                "toVersion", "3.1.9", "message", OFF)).statusCode(201).extract().path("id");

        appConfig(tom, "ios", "3.1.2").body("killSwitches.chat", equalTo(OFF));
        UUID refused = UUID.randomUUID();
        send(refused, "3.1.2").statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:feature-turned-off")).body("detail", equalTo(OFF));
        assertEquals(0, rows.count("select count(*) from chat_message where id = ?", refused));

        appConfig(tom, "ios", "3.2.0").body("killSwitches", anEmptyMap());
        send(UUID.randomUUID(), "3.2.0").statusCode(201);

        desk.asAdmin("DELETE", SWITCHES + "/{id}", null, id).statusCode(204);
        send(UUID.randomUUID(), "3.1.2").statusCode(201);
        appConfig(tom, "ios", "3.1.2").body("killSwitches", anEmptyMap());
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'kill-switch.set'",
                garage.garageId));
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'kill-switch.remove'",
                garage.garageId));
    }

    @Test
    void aSwitchForAnotherRingOrAGarageLeavesEveryoneElseTheirFeature() {
        desk.asAdmin("POST", SWITCHES, Map.of("feature", "chat", "app", "STAFF", "ring", "BETA", "message", OFF))
                .statusCode(201);
        desk.asAdmin("POST", SWITCHES, Map.of("feature", "chat", "app", "CUSTOMER", "message", OFF)).statusCode(201);
        send(UUID.randomUUID(), "3.1.2").statusCode(201);

        desk.asAdmin("POST", SWITCHES, Map.of("feature", "chat", "app", "STAFF", "garageId", garage.garageId,
                "message", OFF)).statusCode(201);
        send(UUID.randomUUID(), "3.1.2").statusCode(503);
        desk.asAdmin("GET", SWITCHES + "?app=STAFF", null).statusCode(200).body("feature", hasItem("chat"))
                .body("size()", equalTo(2));
    }

    @Test
    void aBadSwitchIsRefusedNamingTheFieldAndNothingIsStored() {
        GarageFixture other = GarageFixture.create(dataSource);
        desk.asAdmin("POST", SWITCHES, Map.of("feature", "Chat!", "app", "STAFF", "message", OFF)).statusCode(400)
                .body("errors.field", hasItem("feature"));
        desk.asAdmin("POST", SWITCHES, Map.of("feature", "chat", "app", "STAFF", "garageId", other.garageId,
                "message", OFF)).statusCode(400).body("errors.field", hasItem("garageId"));
        desk.asAdmin("DELETE", SWITCHES + "/{id}", null, UUID.randomUUID()).statusCode(404);
        assertEquals(0, rows.count("select count(*) from kill_switch"));
        send(UUID.randomUUID(), "3.1.2").statusCode(201);
    }

    private ValidatableResponse send(UUID messageId, String version) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "WORKSHOP");
        body.put("text", "Pads at 2 mm");
        return given().auth().oauth2(TOKENS.of(tom)).header("X-App-Platform", "ios").header("X-App-Version", version)
                .contentType(ContentType.JSON).body(body)
                .put("/api/v1/chat/conversations/{id}/messages/{messageId}", conversation, messageId).then();
    }
}
