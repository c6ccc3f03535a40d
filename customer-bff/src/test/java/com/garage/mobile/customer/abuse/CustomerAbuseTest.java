package com.garage.mobile.customer.abuse;

import static com.garage.mobile.customer.SignInTest.TOKENS;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.TestTokens;
import com.garage.mobile.testing.abuse.AbuseFixture;
import com.garage.mobile.testing.abuse.AbuseFixture.Foreign;
import com.garage.mobile.testing.abuse.AbuseSuite;
import com.garage.mobile.testing.abuse.ReleaseRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Every operation of the customer API, attacked (see {@link AbuseSuite}); a customer sees only their own records. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerAbuseTest extends AbuseSuite {

    @Override
    protected TestTokens tokens() {
        return TOKENS;
    }

    @Override
    protected List<Person> members(AbuseFixture world) {
        return List.of(world.customer);
    }

    @Override
    protected List<Person> outsiders(AbuseFixture world) {
        return List.of(world.technician, world.advisor, world.admin);
    }

    @Override
    protected Set<Foreign> foreignRecords() {
        return Set.of(Foreign.OTHER_CUSTOMER);
    }

    @Override
    protected Map<String, Function<AbuseFixture, ValidCall>> validCalls() {
        return Map.of("PUT /api/v1/chat/conversations/{id}/messages/{messageId}", world -> new ValidCall(
                        Map.of("id", world.ids("conversations").own(), "messageId", UUID.randomUUID()),
                        JsonNodeFactory.instance.objectNode().put("channel", "CUSTOMER").put("text", "Any news?")),
                "PUT /api/v1/chat/conversations/{id}/messages/{messageId}/text", world -> new ValidCall(
                        Map.of("id", world.ids("conversations").own(), "messageId", world.messageBy(world.customer)),
                        JsonNodeFactory.instance.objectNode().put("text", "Any news, please?")),
                "PUT /api/v1/chat/conversations/{id}/escalation", world -> new ValidCall(
                        Map.of("id", world.freshConversation()),
                        JsonNodeFactory.instance.objectNode().put("priority", "URGENT").put("reason", "Need it today")),
                "POST /api/v1/releases/crash-reports", ReleaseRecords::crashReport,
                "POST /api/v1/roadside-requests", world -> new ValidCall(Map.of(),
                        JsonNodeFactory.instance.objectNode().put("vehicleId", world.ids("vehicles").own().toString())
                                .put("service", "FUEL").put("latitude", 51.5).put("longitude", -0.12)
                                .put("callbackPhone", "+44 7700 900123").put("address", "A40 lay-by")
                                .put("note", "Out of fuel").put("towToGarage", false)),
                "POST /api/v1/surveys/answers", world -> new ValidCall(Map.of(), world.surveyDue()),
                "POST /api/v1/feedback", world -> new ValidCall(Map.of(), world.feedbackBody()));
    }
}
