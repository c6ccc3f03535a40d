package com.garage.mobile.testing.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.platform.web.Endpoint;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.TestTokens;
import com.garage.mobile.testing.abuse.AbuseFixture.Foreign;
import io.quarkus.security.PermissionsAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** The attacks on one operation, each a test of its own. */
final class Attacks {

    /** Text shaped like SQL, script, template, header and unicode tricks: data, never code. */
    static final List<String> INJECTIONS = List.of(
            "Robert'); DROP TABLE job_card;--",
            "\" OR \"\"=\"",
            "<script>alert(document.cookie)</script>",
            "{{7*7}} ${7*7} #{7*7} <%= 7*7 %>",
            "first line\r\nX-Injected: true",
            "Zoë 🚗 \u202Eevil\u202C ＜script＞ 日本語",
            "..%2F..%2Fetc%2Fpasswd %00 \\u0000");
    private static final int OVERSIZED = 1_100_000;

    private final AbuseSuite suite;
    private final AbuseFixture world;
    private final ApiOperation operation;
    private final Endpoint endpoint;
    private final TestTokens tokens;
    private final Rows rows;
    private final TenantChecksum.Reader checksum;
    private final Person caller;
    /**
     * The stored data as the last refusal left it, checked unchanged: the next refusal starts from it instead of
     * reading it again, which halves the suite's reads. A call that succeeds forgets it.
     */
    private TenantChecksum unchanged;

    Attacks(AbuseSuite suite, AbuseFixture world, ApiOperation operation, Endpoint endpoint) {
        this.suite = suite;
        this.world = world;
        this.operation = operation;
        this.endpoint = endpoint;
        this.tokens = suite.tokensFor();
        this.rows = new Rows(suite.dataSource());
        this.checksum = TenantChecksum.reader(suite.dataSource(), world.home.garageId, world.other.garageId);
        this.caller = suite.members(world).stream().filter(this::mayCall).findFirst().orElse(null);
    }

    Stream<DynamicTest> all() {
        if (caller == null) {
            return Stream.of(dynamicTest("someone may call it", () -> fail("no person this app serves may call "
                    + operation + ": check its @PermissionsAllowed")));
        }
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(refusal("no token", () -> own(), 401));
        tests.add(refusal("an expired token", () -> own().token(tokens.builder(caller)
                .expiresAt(Instant.now().minusSeconds(600)).sign()), 401));
        tests.add(refusal("a token from another issuer", () -> own().token(tokens.builder(caller)
                .issuer("https://evil.example.com").sign()), 401));
        tests.add(refusal("a token for another audience", () -> own().token(tokens.builder(caller)
                .audience("someone-else").sign()), 401));
        suite.outsiders(world).forEach(outsider -> tests.add(refusal("a " + outsider.role()
                + " this app does not serve", () -> own().token(tokens.of(outsider)), 403)));
        suite.members(world).stream().filter(member -> !mayCall(member)).forEach(member -> tests.add(
                refusal("a " + member.role() + ", whose role may not", () -> own().token(tokens.of(member)), 403)));
        operation.pathParameters().forEach(parameter -> tests.addAll(pathAttacks(parameter)));
        operation.queryParameters().forEach(parameter -> INJECTIONS.forEach(text -> tests.add(refusal(
                "injection-shaped query parameter " + parameter + ": " + text,
                () -> asCaller().query(parameter, text), 200, 400))));
        if (operation.hasBody()) {
            tests.addAll(bodyAttacks());
            tests.addAll(freeTextAttacks());
        }
        return tests.stream();
    }

    private List<DynamicTest> pathAttacks(String parameter) {
        List<DynamicTest> tests = new ArrayList<>();
        Set<Foreign> kinds = EnumSet.of(Foreign.OTHER_GARAGE);
        kinds.addAll(suite.foreignRecords());
        kinds.forEach(kind -> tests.add(refusal(kind.label() + " " + parameter, () -> asCaller()
                .path(parameter, ids(parameter).of(kind)), 404)));
        INJECTIONS.forEach(text -> tests.add(refusal("injection-shaped " + parameter + ": " + text,
                () -> asCaller().path(parameter, text), 400, 404)));
        return tests;
    }

    private List<DynamicTest> bodyAttacks() {
        ObjectNode valid = BodyShapes.plausible(operation.body());
        String json = valid.toString();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(broken("a truncated body", "{\"", 400, null));
        tests.add(broken("an empty body", "", 400, null));
        for (String notAnObject : List.of("[]", "\"text\"", "42", "null")) {
            tests.add(broken("the body " + notAnObject, notAnObject, 400, null));
        }
        tests.add(broken("content after the JSON", json + " {}", 400, null));
        tests.add(broken("a field we do not know", valid.deepCopy().put("unexpectedField", 1).toString(), 400,
                "unexpectedField"));
        valid.properties().stream().findFirst().ifPresent(first -> tests.add(broken("a field given twice",
                "{\"" + first.getKey() + "\": " + first.getValue() + ", " + json.substring(1), 400, first.getKey())));
        operation.body().path("properties").properties().forEach(property -> tests.add(broken(
                "a " + property.getKey() + " of the wrong type", valid.deepCopy()
                        .set(property.getKey(), BodyShapes.wrongType(property.getValue())).toString(), 400,
                property.getKey())));
        BodyShapes.freeText(operation.body()).forEach(field -> tests.add(broken("a NUL character in " + field,
                valid.deepCopy().put(field, "before\u0000after").toString(), 400, field)));
        tests.add(broken("a body larger than the limit", valid.deepCopy().put("padding", "x".repeat(OVERSIZED))
                .toString(), 413, null));
        tests.add(refusal("a body that is not JSON", () -> asCaller().body("text/plain", "hello"), 415));
        return tests;
    }

    private List<DynamicTest> freeTextAttacks() {
        List<String> fields = BodyShapes.freeText(operation.body());
        if (fields.isEmpty()) {
            return List.of();
        }
        var validCall = suite.validCalls().get(operation.toString());
        if (validCall == null) {
            return List.of(dynamicTest("free text is stored verbatim", () -> fail(operation + " takes free text ("
                    + fields + ") but the abuse test gives no valid call for it: add one to validCalls()")));
        }
        List<DynamicTest> tests = new ArrayList<>();
        fields.forEach(field -> INJECTIONS.forEach(text -> tests.add(dynamicTest(
                "injection-shaped " + field + " is stored and returned verbatim: " + text, () -> {
                    unchanged = null;
                    AbuseSuite.ValidCall call = validCall.apply(world);
                    Answer response = new Shot(suite.base(), operation, call.pathValues())
                            .token(tokens.builder(caller).steppedUp().sign())
                            .body("application/json", call.body().deepCopy().put(field, text).toString()).fire();
                    assertTrue(response.status() / 100 == 2, operation + " with " + field + " = " + text
                            + ": " + response);
                    assertTrue(holds(response.json(), text), "the answer does not show " + text
                            + " verbatim: " + response.body());
                    assertTrue(stored(text), text + " is not stored verbatim");
                }))));
        return tests;
    }

    private DynamicTest broken(String name, String body, int status, String field) {
        return dynamicTest(name, () -> {
            Shot shot = asCaller().body("application/json", body);
            Answer response = expectRefusal(name, shot, status);
            if (field != null) {
                assertTrue(response.json().path("errors").findValuesAsText("field").contains(field), operation
                        + ", " + name + ": the problem does not name " + field + ": " + response.body());
            }
        });
    }

    private DynamicTest refusal(String name, Supplier<Shot> shot, int... statuses) {
        return dynamicTest(name, () -> expectRefusal(name, shot.get(), statuses));
    }

    /** Fires the shot and checks the answer's status and form, and that no stored data changed. */
    private Answer expectRefusal(String name, Shot shot, int... statuses) {
        TenantChecksum before = unchanged != null ? unchanged : checksum.read();
        unchanged = null;
        Answer response = shot.fire();
        int status = response.status();
        assertTrue(Arrays.stream(statuses).anyMatch(expected -> expected == status), operation + ", " + name
                + ": expected " + Arrays.toString(statuses) + " but got " + response);
        // A HEAD answer has no body: its problem shows in the status and the content type alone.
        if (status >= 400 && !operation.method().equals("HEAD")) {
            assertEquals("application/problem+json", response.mediaType(),
                    operation + ", " + name + ": not a problem document");
            assertEquals(status, response.json().path("status").asInt());
            assertTrue(response.json().path("type").isTextual(), operation + ", " + name + ": a problem without type");
        }
        if (status == 401) {
            assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"),
                    operation + ", " + name + ": no Bearer challenge");
        }
        TenantChecksum after = checksum.read();
        assertEquals(before, after, operation + ", " + name + ": stored data changed");
        unchanged = after;
        return response;
    }

    /** The operation on the caller's own records, without a token. */
    private Shot own() {
        Shot shot = new Shot(suite.base(), operation, ownPathValues());
        if (operation.rawBodyType() != null) {
            // Bytes (a tus chunk): an empty one, so that each refusal comes from the attack, not the content type.
            return shot.body(operation.rawBodyType(), "");
        }
        return operation.hasBody() ? shot.body("application/json", BodyShapes.plausible(operation.body()).toString())
                : shot;
    }

    /** The operation on the caller's own records, by the caller, with a recent strong sign-in. */
    private Shot asCaller() {
        return own().token(tokens.builder(caller).steppedUp().sign());
    }

    private Map<String, Object> ownPathValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        operation.pathParameters().forEach(parameter -> values.put(parameter, ids(parameter).own()));
        return values;
    }

    /** The ids for a path parameter, by the collection named in the path segment before it. */
    private AbuseFixture.Ids ids(String parameter) {
        String before = operation.path().substring(0, operation.path().indexOf("{" + parameter + "}"));
        String[] segments = before.split("/");
        String collection = segments.length == 0 ? "" : segments[segments.length - 1];
        AbuseFixture.Ids ids = world.ids(collection, caller);
        if (ids == null) {
            fail(operation + ": the abuse suite has no records for path parameter {" + parameter + "} of collection '"
                    + collection + "': add them to AbuseFixture");
        }
        return ids;
    }

    private boolean mayCall(Person person) {
        PermissionsAllowed required = endpoint.annotation(PermissionsAllowed.class).orElse(null);
        Set<String> capabilities = ActorRole.fromClaim(person.role()).orElseThrow().capabilities();
        return required == null || Arrays.stream(required.value()).anyMatch(capabilities::contains);
    }

    private static boolean holds(JsonNode answer, String text) {
        if (answer.isTextual()) {
            return answer.asText().equals(text);
        }
        for (JsonNode child : answer) {
            if (holds(child, text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some text column of the caller's garage holds exactly this text. */
    private boolean stored(String text) {
        for (Map<String, Object> column : rows.query("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.columns g on g.table_schema = c.table_schema and g.table_name = c.table_name
                     and g.column_name = 'garage_id'
                where c.table_schema = 'public' and c.data_type in ('text', 'character varying')""")) {
            if (rows.count("select count(*) from " + column.get("table_name") + " where garage_id = ? and "
                    + column.get("column_name") + " = ?", world.home.garageId, text) > 0) {
                return true;
            }
        }
        return false;
    }
}
