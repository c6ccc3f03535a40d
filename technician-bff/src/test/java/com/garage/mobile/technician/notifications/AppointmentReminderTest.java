package com.garage.mobile.technician.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.platform.notification.pipeline.AppointmentReminders;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reminders of confirmed appointments, written once however many pods run the pass. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class AppointmentReminderTest {

    @Inject
    DataSource dataSource;

    @Inject
    AppointmentReminders reminders;

    @Inject
    CircuitBreakerMaintenance breakers;

    @InjectPushStubs
    PushStubs stubs;

    Rows rows;
    GarageFixture garage;
    PushFixture push;
    Person carl;
    UUID vehicle;
    String phone;

    @BeforeEach
    void customerWithAPhone() {
        PushFixture.cleanSlate(dataSource, stubs, breakers);
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        push = new PushFixture(garage);
        carl = garage.customer("Carl", "Jensen");
        vehicle = garage.vehicle(carl);
        phone = push.consentingPhone(carl);
    }

    @Test
    void aConfirmedAppointmentIsRemindedOfOnceAheadOfTime() {
        Instant startsAt = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        UUID appointment = garage.appointment(carl, vehicle, startsAt, "CONFIRMED");
        garage.appointment(carl, vehicle, Instant.now().plus(3, ChronoUnit.DAYS), "CONFIRMED");
        garage.appointment(carl, vehicle, Instant.now().plus(2, ChronoUnit.HOURS), "REQUESTED");

        Uni.join().all(reminders.remindOnce(), reminders.remindOnce(), reminders.remindOnce()).andCollectFailures()
                .await().atMost(Duration.ofSeconds(20));
        reminders.remindOnce().await().atMost(Duration.ofSeconds(20));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows.count(
                "select count(*) from notification_outbox where person_id = ? and status = 'SENT'", carl.id()) == 1);
        assertEquals(1, rows.count("select count(*) from appointment_reminder where garage_id = ?", garage.garageId));
        assertEquals(appointment, rows.one("select appointment_id from appointment_reminder where garage_id = ?",
                garage.garageId).get("appointment_id"));
        assertEquals(1, stubs.fcmRequestsFor(phone).size());
        JsonObject message = new JsonObject(stubs.fcmRequestsFor(phone).get(0).getBodyAsString()).getJsonObject("message");
        assertEquals("Appointment reminder", message.getJsonObject("notification").getString("title"));
        assertEquals(appointment.toString(), message.getJsonObject("data").getString("appointmentId"));
        assertEquals("appointment-" + appointment, message.getJsonObject("android").getString("collapse_key"));
    }

    @Test
    void aMovedAppointmentIsRemindedOfAgainAtItsNewTime() {
        Instant startsAt = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        UUID appointment = garage.appointment(carl, vehicle, startsAt, "CONFIRMED");
        reminders.remindOnce().await().atMost(Duration.ofSeconds(20));

        garage.sql("update appointment set starts_at = ?, ends_at = ? where id = ?", startsAt.plusSeconds(3600),
                startsAt.plusSeconds(7200), appointment);
        reminders.remindOnce().await().atMost(Duration.ofSeconds(20));

        assertEquals(2, rows.count("select count(*) from appointment_reminder where appointment_id = ?", appointment));
        assertEquals(2, rows.count("select count(*) from notification_outbox where person_id = ?", carl.id()));
    }

    @Test
    void noReminderWithoutConsent() {
        push.consent(carl, "APPOINTMENT_REMINDERS", false);
        garage.appointment(carl, vehicle, Instant.now().plus(3, ChronoUnit.HOURS), "CONFIRMED");

        reminders.remindOnce().await().atMost(Duration.ofSeconds(20));

        assertEquals(1, rows.count("select count(*) from appointment_reminder where garage_id = ?", garage.garageId));
        assertEquals(0, rows.count("select count(*) from notification_outbox where person_id = ?", carl.id()));
    }
}
