package com.garage.mobile.customer.notifications;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.device.KeyMaterial;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DeviceRegistrationTest {

    /** What allowing notifications grants a customer: every operational category of theirs, in their order. */
    private static final List<String> OPERATIONAL = NotificationCategory.listedFor(true).stream()
            .filter(NotificationCategory::operational).map(Enum::name).toList();
    private static final String FCM_TOKEN = "cR4nQ9x:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx_" + "a".repeat(100);

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person carl;
    Person cora;

    @BeforeEach
    void customers() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
    }

    @Test
    void anAndroidPhoneIsRegisteredAuditedAndGetsOperationalConsent() {
        String token = uniqueFcmToken();
        ValidatableResponse created = register(carl, android(token), "carl-pixel-1")
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("platform", equalTo("ANDROID"))
                .body("tokenEnding", equalTo(token.substring(token.length() - 8)))
                .body("active", equalTo(true));
        String id = created.extract().path("id");
        created.header("Location", endsWith("/api/v1/devices/" + id));

        Map<String, Object> device = rows.one("select customer_id, platform, token, locale, time_zone, active"
                + " from push_device where id = ?", UUID.fromString(id));
        assertEquals(carl.id(), device.get("customer_id"));
        assertEquals(token, device.get("token"));
        assertEquals("Europe/London", device.get("time_zone"));
        assertEquals("SUCCESS", rows.one("select outcome from audit_entry where resource_id = ? and action = ?", id,
                "device.register").get("outcome"));
        List<Map<String, Object>> consents = rows.query("select category, granted, source_app, source_screen,"
                + " policy_version from notification_consent where customer_id = ? order by id", carl.id());
        assertEquals(OPERATIONAL, consents.stream().map(c -> c.get("category")).toList());
        consents.forEach(consent -> {
            assertEquals(true, consent.get("granted"));
            assertEquals("customer-app", consent.get("source_app"));
            assertEquals("push-permission", consent.get("source_screen"));
            assertEquals("2025-06", consent.get("policy_version"));
        });
    }

    @Test
    void aCustomerRegistersWithoutStepUpAndOutsideTheStrictSignInBudget() {
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(TOKENS.of(carl)).when().post("/api/v1/device-attestation/nonces")
                    .then().statusCode(200);
        }
        given().auth().oauth2(TOKENS.of(carl)).when().post("/api/v1/device-attestation/nonces")
                .then().statusCode(429);
        String token = uniqueFcmToken();

        register(carl, android(token), "carl-budget-1").statusCode(201);

        assertEquals(1, rows.count("select count(*) from push_device where token = ? and customer_id = ?", token,
                carl.id()));
    }

    @Test
    void aReplayedIdempotencyKeyReturnsTheFirstAnswerAndChangesNothing() {
        String token = uniqueFcmToken();
        String first = register(carl, android(token), "carl-key-1").statusCode(201).extract().asString();

        String replay = register(carl, android(token), "carl-key-1").statusCode(201).extract().asString();

        assertEquals(new JsonObject(first), new JsonObject(replay));
        assertEquals(1, rows.count("select count(*) from push_device where token = ?", token));
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'device.register'",
                garage.garageId));
        assertEquals(OPERATIONAL.size(), rows.count("select count(*) from notification_consent where customer_id = ?",
                carl.id()));

        Map<String, Object> other = android(uniqueFcmToken());
        register(carl, other, "carl-key-1").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:idempotency-key-reused"));
        assertEquals(0, rows.count("select count(*) from push_device where token = ?", other.get("token")));
    }

    @Test
    void registeringTheSameTokenAgainRenewsTheDevice() {
        String token = uniqueFcmToken();
        String id = register(carl, android(token), null).statusCode(201).extract().path("id");
        Map<String, Object> upgraded = android(token);
        upgraded.put("appVersion", "3.3.0");

        register(carl, upgraded, null).statusCode(200).body("id", equalTo(id)).body("appVersion", equalTo("3.3.0"))
                .body("version", equalTo(1));

        assertEquals(1, rows.count("select count(*) from push_device where token = ?", token));
    }

    @Test
    void aTokenRegisteredByAnotherCustomerMovesToThemAndTheFirstStopsReceiving() {
        String token = uniqueFcmToken();
        String carls = register(carl, android(token), null).statusCode(201).extract().path("id");

        String coras = register(cora, android(token), null).statusCode(201).extract().path("id");

        assertNotEquals(carls, coras);
        Map<String, Object> old = rows.one("select active, deactivation_reason from push_device where id = ?",
                UUID.fromString(carls));
        assertEquals(false, old.get("active"));
        assertEquals("MOVED", old.get("deactivation_reason"));
        assertEquals(cora.id(), rows.one("select customer_id from push_device where token = ? and active", token)
                .get("customer_id"));
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/devices")
                .then().statusCode(200).body("items.id", not(hasItems(carls)));
    }

    @Test
    void anIphoneAndABrowserAreRegisteredWithTheirOwnAddresses() {
        String apnsToken = "A1B2C3D4E5F6" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(20);
        register(carl, Map.of("platform", "IOS", "token", apnsToken, "appVersion", "3.2.0", "osVersion", "17.4",
                "locale", "en-GB", "timeZone", "Europe/London"), null).statusCode(201);
        assertEquals(1, rows.count("select count(*) from push_device where token = ?", apnsToken.toLowerCase(Locale.ROOT)));

        String endpoint = "https://fcm.googleapis.com/fcm/send/" + UUID.randomUUID();
        register(carl, browser(endpoint, p256dh(), "BTBZMqHH6r4Tts7J_aSIgg"), null).statusCode(201)
                .body("platform", equalTo("WEB"));
        assertEquals("BTBZMqHH6r4Tts7J_aSIgg", rows.one("select web_push_auth from push_device where token = ?",
                endpoint).get("web_push_auth"));
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/devices")
                .then().statusCode(200).body("items.platform", containsInAnyOrder("IOS", "WEB"));
    }

    @Test
    void badRegistrationsAreExplainedFieldByFieldAndStoreNothing() {
        String token = uniqueFcmToken();
        Map<String, Object> missing = new HashMap<>(android(token));
        missing.remove("appVersion");
        missing.remove("platform");
        register(carl, missing, null).statusCode(400)
                .body("errors.field", containsInAnyOrder("appVersion", "platform"));
        Map<String, Object> badToken = android("not a token!");
        badToken.put("timeZone", "Mars/Olympus Mons");
        register(carl, badToken, null).statusCode(400)
                .body("errors.field", containsInAnyOrder("token", "timeZone"));
        Map<String, Object> unknownZone = android(token);
        unknownZone.put("timeZone", "Mars/Olympus_Mons");
        register(carl, unknownZone, null).statusCode(400).body("errors.field", contains("timeZone"));
        register(carl, Map.of("platform", "IOS", "token", "xyz", "appVersion", "1", "osVersion", "1", "locale", "en",
                "timeZone", "UTC"), null).statusCode(400).body("errors[0].field", equalTo("token"));
        register(carl, browser("http://fcm.googleapis.com/fcm/send/x", p256dh(), "BTBZMqHH6r4Tts7J_aSIgg"), null)
                .statusCode(400).body("errors[0].field", equalTo("subscription.endpoint"));
        register(carl, browser("https://169.254.169.254/latest/meta-data", p256dh(), "BTBZMqHH6r4Tts7J_aSIgg"), null)
                .statusCode(400).body("errors[0].field", equalTo("subscription.endpoint"))
                .body("errors[0].message", equalTo("is not the URL of a push service we deliver to"));
        register(carl, browser("https://fcm.googleapis.com/fcm/send/y", "BAAA", "short"), null).statusCode(400)
                .body("errors.field", containsInAnyOrder("subscription.keys.p256dh", "subscription.keys.auth"));
        Map<String, Object> webWithToken = browser("https://fcm.googleapis.com/fcm/send/z", p256dh(),
                "BTBZMqHH6r4Tts7J_aSIgg");
        webWithToken.put("token", token);
        register(carl, webWithToken, null).statusCode(400).body("errors[0].field", equalTo("token"));
        Map<String, Object> unknown = android(token);
        unknown.put("colour", "blue");
        register(carl, unknown, null).statusCode(400).body("errors[0].field", equalTo("colour"));
        Map<String, Object> wrongPlatform = android(token);
        wrongPlatform.put("platform", "BLACKBERRY");
        register(carl, wrongPlatform, null).statusCode(400).body("errors[0].field", equalTo("platform"));
        register(carl, android(token), "two\nlines").statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(0, rows.count("select count(*) from push_device where customer_id = ?", carl.id()));
        assertEquals(0, rows.count("select count(*) from notification_consent where customer_id = ?", carl.id()));
    }

    @Test
    void aRefreshedTokenReplacesTheOldOneUnderItsVersion() {
        String id = register(carl, android(uniqueFcmToken()), null).statusCode(201).extract().path("id");
        String fresh = uniqueFcmToken();

        given().auth().oauth2(TOKENS.of(carl)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("token", fresh, "appVersion", "3.2.1"))
                .when().put("/api/v1/devices/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("tokenEnding", equalTo(fresh.substring(fresh.length() - 8)))
                .body("appVersion", equalTo("3.2.1"))
                .body("locale", equalTo("en-GB"));
        assertEquals(fresh, rows.one("select token from push_device where id = ?", UUID.fromString(id)).get("token"));

        given().auth().oauth2(TOKENS.of(carl)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("token", uniqueFcmToken()))
                .when().put("/api/v1/devices/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.version", equalTo(1));
        assertEquals(fresh, rows.one("select token from push_device where id = ?", UUID.fromString(id)).get("token"));
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON).body(Map.of("token", uniqueFcmToken()))
                .when().put("/api/v1/devices/" + id)
                .then().statusCode(428);
        given().auth().oauth2(TOKENS.of(carl)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("appVersion", "3.2.2"))
                .when().put("/api/v1/devices/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("token"));
    }

    @Test
    void anotherCustomersOrGaragesDeviceIsNotFoundAndUntouched() {
        String id = register(carl, android(uniqueFcmToken()), null).statusCode(201).extract().path("id");
        Person stranger = GarageFixture.create(dataSource).customer("Sam", "Other");

        for (Person intruder : List.of(cora, stranger)) {
            given().auth().oauth2(TOKENS.of(intruder)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("token", uniqueFcmToken()))
                    .when().put("/api/v1/devices/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(TOKENS.of(intruder)).when().delete("/api/v1/devices/" + id)
                    .then().statusCode(404);
        }
        Map<String, Object> device = rows.one("select active, version from push_device where id = ?", UUID.fromString(id));
        assertEquals(true, device.get("active"));
        assertEquals(0L, device.get("version"));
    }

    @Test
    void loggingOutUnregistersTheDevice() {
        String id = register(carl, android(uniqueFcmToken()), null).statusCode(201).extract().path("id");

        given().auth().oauth2(TOKENS.of(carl)).when().delete("/api/v1/devices/" + id).then().statusCode(204);
        given().auth().oauth2(TOKENS.of(carl)).when().delete("/api/v1/devices/" + id).then().statusCode(204);

        Map<String, Object> device = rows.one("select active, deactivation_reason from push_device where id = ?",
                UUID.fromString(id));
        assertEquals(false, device.get("active"));
        assertEquals("UNREGISTERED", device.get("deactivation_reason"));
        assertEquals(1, rows.count("select count(*) from audit_entry where resource_id = ? and action = 'device.unregister'",
                id));
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/devices")
                .then().statusCode(200).body("items", empty()).body("nextCursor", nullValue());
    }

    private ValidatableResponse register(Person who, Map<String, Object> body, String idempotencyKey) {
        var request = given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/v1/devices").then();
    }

    private static Map<String, Object> android(String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("platform", "ANDROID");
        body.put("token", token);
        body.put("appVersion", "3.2.0");
        body.put("osVersion", "14");
        body.put("locale", "en-GB");
        body.put("timeZone", "Europe/London");
        return body;
    }

    private static Map<String, Object> browser(String endpoint, String p256dh, String auth) {
        Map<String, Object> body = new HashMap<>();
        body.put("platform", "WEB");
        body.put("subscription", Map.of("endpoint", endpoint, "keys", Map.of("p256dh", p256dh, "auth", auth)));
        body.put("appVersion", "web-2025.06");
        body.put("osVersion", "Firefox 128");
        body.put("locale", "de-DE");
        body.put("timeZone", "Europe/Berlin");
        return body;
    }

    private static String p256dh() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return KeyMaterial.base64Url(KeyMaterial.rawPoint((ECPublicKey) generator.generateKeyPair().getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uniqueFcmToken() {
        return FCM_TOKEN.substring(0, 60) + UUID.randomUUID().toString().replace("-", "");
    }
}
