package com.garage.mobile.technician.notifications;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Devices, consents and quiet hours written straight into PostgreSQL, as the apps would have
 * registered them through their BFF.
 */
public final class PushFixture {

    private final GarageFixture garage;

    public PushFixture(GarageFixture garage) {
        this.garage = garage;
    }

    /**
     * Healthy stubs, closed breakers, and all outbound work still waiting from earlier tests put
     * aside, so that a test sees only its own.
     */
    public static void cleanSlate(DataSource dataSource, PushStubs stubs, CircuitBreakerMaintenance breakers) {
        GarageFixture.create(dataSource).sql("update outbound_work set status = 'EXPIRED'"
                + " where status in ('PENDING', 'SENDING')");
        stubs.reset();
        breakers.resetAll();
    }

    public UUID android(Person person, String token) {
        return device(person, "ANDROID", token, null, null, "en-GB");
    }

    public UUID iphone(Person person, String token) {
        return device(person, "IOS", token, null, null, "en-GB");
    }

    public UUID browser(Person person, String endpoint, PushSubscriber subscriber) {
        return device(person, "WEB", endpoint, subscriber.p256dh(), subscriber.auth(), "en-GB");
    }

    public UUID device(Person person, String platform, String token, String p256dh, String auth, String locale) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into push_device (id, garage_id, " + person.ownerColumn() + ", platform, token,"
                + " web_push_p256dh, web_push_auth, app_version, os_version, locale, time_zone)"
                + " values (?, ?, ?, ?, ?, ?, ?, '3.2.0', '17.4', ?, 'Europe/London')",
                id, person.garageId(), person.id(), platform, token, p256dh, auth, locale);
        return id;
    }

    /** Appends a grant or withdrawal to the person's consent ledger. */
    public void consent(Person person, String category, boolean granted) {
        garage.sql("insert into notification_consent (garage_id, " + person.ownerColumn() + ", category, granted,"
                + " source_app, source_screen, policy_version) values (?, ?, ?, ?, ?, 'settings/notifications',"
                + " '2025-06')", person.garageId(), person.id(), category, granted,
                person.role().equals("customer") ? "customer-app" : "technician-app");
    }

    /** The person consents to every operational category and has an Android phone; returns its token. */
    public String consentingPhone(Person person) {
        consentToAllOperational(person);
        String token = fcmToken();
        android(person, token);
        return token;
    }

    public void consentToAllOperational(Person person) {
        for (String category : new String[] {"JOB_STATUS", "APPROVALS", "CHAT", "PAYMENTS", "APPOINTMENT_REMINDERS"}) {
            consent(person, category, true);
        }
    }

    public void quietHours(Person person, String start, String end, String zone) {
        garage.sql("insert into notification_settings (id, garage_id, " + person.ownerColumn() + ", quiet_start,"
                + " quiet_end, quiet_time_zone, version) values (?, ?, ?, cast(? as time), cast(? as time), ?, 1)",
                UUID.randomUUID(), person.garageId(), person.id(), start, end, zone);
    }

    public static String fcmToken() {
        return "fcm-" + randomCharacters(150);
    }

    public static String apnsToken() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return hex.toString();
    }

    private static String randomCharacters(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
