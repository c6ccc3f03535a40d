package com.garage.mobile.customer.chat;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.garage.mobile.api.chat.ChatTyping;
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
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Typing as a customer sees it: staff typing in their customer channel, never in the workshop. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerTypingTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    ChatTyping typing;

    @Test
    void theCustomerSeesStaffTypingInTheirChannelOnlyWithoutTheirId() throws Throwable {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person alice = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        Person cora = garage.customer("Cora", "Li");
        UUID conversation = new ChatDesk(messages, new Rows(dataSource))
                .conversationOfJob(garage.job(carl, garage.vehicle(carl)).advisor(alice).create());
        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null);
                LiveClient corasApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(cora), null)) {
            carlsApp.await("caught-up");
            corasApp.await("caught-up");
            staffTypes(alice, conversation, "WORKSHOP");
            staffTypes(alice, conversation, "CUSTOMER");
            carlsApp.connection().sendTextAndAwait(new JsonObject().put("type", "typing")
                    .put("conversationId", conversation.toString()).put("channel", "WORKSHOP").encode());

            JsonObject seen = carlsApp.await(m -> "typing".equals(m.getString("type")));
            assertEquals("CUSTOMER", seen.getString("channel"));
            assertEquals("Alice Morgan", seen.getString("authorName"));
            assertFalse(seen.containsKey("personId"), "a customer never learns a staff member's id");
            JsonObject refused = carlsApp.await(m -> "rejected".equals(m.getString("type")));
            assertEquals("urn:garage:problem:not-found", refused.getJsonObject("problem").getString("type"));
            assertEquals(1, carlsApp.messages().stream().filter(m -> "typing".equals(m.getString("type"))).count());
            assertEquals(List.of(), corasApp.messages().stream().filter(m -> "typing".equals(m.getString("type")))
                    .toList());
        }
    }

    /** Staff type from the technician app, which this app does not serve: straight into the feature. */
    private void staffTypes(Person who, UUID conversation, String channel) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> typing.receive(who.actor(), new JsonObject()
                .put("conversationId", conversation.toString()).put("channel", channel)));
    }
}
