package com.garage.mobile.technician.abuse;

import static com.garage.mobile.technician.SignInTest.TOKENS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.TestTokens;
import com.garage.mobile.testing.abuse.AbuseFixture;
import com.garage.mobile.testing.abuse.AbuseFixture.Foreign;
import com.garage.mobile.testing.abuse.AbuseSuite;
import com.garage.mobile.testing.abuse.AbuseSuite.ValidCall;
import com.garage.mobile.testing.abuse.ReleaseRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Every operation of the technician API, attacked (see {@link AbuseSuite}); staff see their whole garage. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TechnicianAbuseTest extends AbuseSuite {

    @Override
    protected TestTokens tokens() {
        return TOKENS;
    }

    @Override
    protected List<Person> members(AbuseFixture world) {
        return List.of(world.admin, world.advisor, world.technician);
    }

    @Override
    protected List<Person> outsiders(AbuseFixture world) {
        return List.of(world.customer);
    }

    @Override
    protected Set<Foreign> foreignRecords() {
        return Set.of();
    }

    @Override
    protected Map<String, Function<AbuseFixture, ValidCall>> validCalls() {
        Map<String, Function<AbuseFixture, ValidCall>> calls = new HashMap<>(releaseCalls());
        calls.putAll(Map.of("POST /api/v1/jobs/{id}/part-requests", world -> new ValidCall(
                Map.of("id", world.ids("jobs").own()), JsonNodeFactory.instance.objectNode()
                        .put("requestId", UUID.randomUUID().toString()).put("description", "Wiper blade set")
                        .put("quantity", 1).put("note", "Driver side only")),
                "POST /api/v1/inspection-templates", world -> new ValidCall(Map.of(), template()),
                "PUT /api/v1/inspection-templates/{id}", world -> new ValidCall(Map.of("id", world.freshTemplate()),
                        template().put("baseVersion", 0)),
                "PUT /api/v1/chat/conversations/{id}/messages/{messageId}", world -> new ValidCall(
                        Map.of("id", world.ids("conversations").own(), "messageId", UUID.randomUUID()),
                        JsonNodeFactory.instance.objectNode().put("channel", "WORKSHOP").put("text", "Pads at 2 mm")),
                "PUT /api/v1/chat/conversations/{id}/messages/{messageId}/text", world -> new ValidCall(
                        Map.of("id", world.ids("conversations").own(), "messageId", world.messageBy(world.admin)),
                        JsonNodeFactory.instance.objectNode().put("text", "Pads at 1.8 mm")),
                "PUT /api/v1/chat/conversations/{id}/escalation", world -> new ValidCall(
                        Map.of("id", world.freshConversation()),
                        JsonNodeFactory.instance.objectNode().put("priority", "URGENT").put("reason", "Brakes")),
                "PUT /api/v1/chat/conversations/{id}/priority", world -> new ValidCall(
                        Map.of("id", world.freshConversation()),
                        JsonNodeFactory.instance.objectNode().put("priority", "HIGH").put("reason", "Fleet client")),
                "PUT /api/v1/service-intervals", world -> new ValidCall(Map.of(), serviceInterval()),
                "POST /api/v1/surveys/answers", world -> new ValidCall(Map.of(), world.surveyDue())));
        calls.put("POST /api/v1/feedback", world -> new ValidCall(Map.of(), world.feedbackBody()));
        calls.put("PUT /api/v1/admin/feedback/{id}/status", world -> new ValidCall(Map.of("id", world.freshFeedback()),
                JsonNodeFactory.instance.objectNode().put("status", "TRIAGED").put("version", 1)
                        .put("note", "Planned for the next release")));
        return calls;
    }

    private static ObjectNode serviceInterval() {
        ObjectNode interval = JsonNodeFactory.instance.objectNode().put("code", "oil")
                .put("name", "Oil and filter change").put("distanceKm", 15_000).put("months", 12);
        interval.putArray("matchTerms").add("oil change");
        return interval;
    }

    /** Release admin's calls with free text, each on records of its own (versions are unique, rollouts halt once). */
    private static Map<String, Function<AbuseFixture, ValidCall>> releaseCalls() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return Map.of("POST /api/v1/releases/crash-reports", ReleaseRecords::crashReport,
                "POST /api/v1/admin/releases", world -> new ValidCall(Map.of(), json.objectNode().put("app", "STAFF")
                        .put("platform", "WEB").put("version", "0.1." + Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000_000))
                        .put("build", "1").put("storeStatus", "DRAFT").put("notes", "Faster job board")),
                "POST /api/v1/admin/releases/{id}/rollouts/halt", world -> new ValidCall(Map.of("id", world.freshRelease()),
                        json.objectNode().put("ring", "PRODUCTION").put("reason", "Crashes on start")),
                "PUT /api/v1/admin/minimum-versions", world -> new ValidCall(Map.of(), json.objectNode().put("app", "STAFF")
                        .put("platform", "WEB").put("minimumVersion", "0.0.1").put("graceHours", 0)
                        .put("message", "Please update")),
                "POST /api/v1/admin/kill-switches", world -> new ValidCall(Map.of(), json.objectNode()
                        .put("feature", "abuse-test").put("app", "STAFF").put("garageId", world.home.garageId.toString())
                        .put("message", "Off for now")));
    }

    private static ObjectNode template() {
        try {
            return JsonNodeFactory.instance.objectNode().put("name", "Standard inspection")
                    .set("sections", new ObjectMapper().readTree(GarageFixture.DEFAULT_TEMPLATE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
