package com.garage.mobile.testing.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.abuse.AbuseFixture.Foreign;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.awaitility.Awaitility;

/**
 * Attacks every message type apps may send on the live channel, as each of the app's people: on
 * other people's records, without the fields it needs, with injection-shaped values, malformed and
 * oversized. Each must be refused on the socket with the right problem, the connection must stay
 * open, and no stored data may change. A type without a sample here fails the suite.
 */
final class LiveMessageAttacks {

    static final String INJECTION = "' or 1=1; drop table chat_message; --";
    /** A valid message of each type, naming a conversation. */
    private static final Map<String, Function<UUID, JsonObject>> SAMPLES = Map.of("typing",
            conversation -> new JsonObject().put("type", "typing").put("conversationId", conversation.toString())
                    .put("channel", "CUSTOMER"));

    private final URI base;
    private final AbuseSuite suite;
    private final AbuseFixture world;
    private final TenantChecksum.Reader checksum;

    LiveMessageAttacks(URI base, AbuseSuite suite, AbuseFixture world) {
        this.base = base;
        this.suite = suite;
        this.world = world;
        this.checksum = TenantChecksum.reader(suite.dataSource(), world.home.garageId, world.other.garageId);
    }

    void all(Collection<String> types, List<Person> members, Set<Foreign> foreign) {
        types.forEach(type -> assertTrue(SAMPLES.containsKey(type), "the live message type " + type
                + " has no sample in LiveMessageAttacks, so the abuse suite cannot attack it"));
        TenantChecksum before = checksum.read();
        for (Person member : members) {
            try (LiveClient app = LiveClient.connect(base, LiveClient.PATH, suite.tokensFor().of(member), null)) {
                app.await("caught-up");
                List<String> expected = new ArrayList<>();
                types.forEach(type -> attack(app, SAMPLES.get(type), foreign, expected));
                send(app, "not json", expected, "malformed-body");
                send(app, "{\"type\": \"typing\", \"pad\": \"" + "x".repeat(3000) + "\"}", expected, "malformed-body");
                send(app, new JsonObject().put("type", INJECTION).encode(), expected, "validation");
                Awaitility.await().atMost(LiveClient.PATIENCE).until(() -> refusals(app).size() >= expected.size());
                assertEquals(expected, refusals(app), member.displayName() + ": refusals on the live channel");
                assertNull(app.closeReason(), member.displayName() + ": a refused message closed the connection");
            }
        }
        assertEquals(before, checksum.read(),
                "live messages changed stored data");
    }

    private void attack(LiveClient app, Function<UUID, JsonObject> sample, Set<Foreign> foreign,
            List<String> expected) {
        foreign.forEach(kind -> send(app, sample.apply(world.ids("conversations").of(kind)).encode(), expected,
                "not-found"));
        JsonObject valid = sample.apply(world.ids("conversations").own());
        send(app, new JsonObject().put("type", valid.getString("type")).encode(), expected, "validation");
        valid.fieldNames().stream().filter(field -> !field.equals("type")).sorted().forEach(field -> send(app,
                valid.copy().put(field, INJECTION).encode(), expected, "validation"));
    }

    private static void send(LiveClient app, String text, List<String> expected, String problem) {
        app.connection().sendTextAndAwait(text);
        expected.add(problem);
    }

    private static List<String> refusals(LiveClient app) {
        return app.messages().stream().filter(m -> "rejected".equals(m.getString("type")))
                .map(m -> m.getJsonObject("problem").getString("type").replace("urn:garage:problem:", "")).toList();
    }
}
