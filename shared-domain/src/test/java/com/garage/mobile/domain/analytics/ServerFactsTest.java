package com.garage.mobile.domain.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.event.JobEventMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerFactsTest {

    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");
    final ServerFacts facts = new ServerFacts(new UserKeys("secret"));
    final UUID garage = UUID.randomUUID();
    final UUID job = UUID.randomUUID();
    final UUID customer = UUID.randomUUID();

    @Test
    void anApprovalWithApprovedLinesIsTheJourneysApprovedStep() {
        AnalyticsEvent fact = facts.of(event(7, "job.estimate-decided",
                Map.of("approved", List.of("l1"), "declined", List.of(), "approvedGrossMinor", 12000)), AT).orElseThrow();
        assertEquals("estimate.approved", fact.name());
        assertEquals(job, fact.journeyId());
        assertEquals(12000, fact.properties().get("approvedGrossMinor"));
        assertEquals(new UserKeys("secret").of(garage, customer), fact.userKey());
        assertEquals("server", fact.source());
    }

    @Test
    void aDeclineOrAPaymentShortOfSuccessIsNoStep() {
        assertTrue(facts.of(event(8, "job.estimate-decided", Map.of("approved", List.of(), "declined", List.of("l1"))),
                AT).isEmpty());
        assertTrue(facts.of(event(9, "job.payment-changed", Map.of("status", "HELD")), AT).isEmpty());
        assertEquals("payment.succeeded", facts.of(event(10, "job.payment-changed",
                Map.of("status", "SUCCEEDED", "amountMinor", 500, "purpose", "INVOICE")), AT).orElseThrow().name());
        assertTrue(facts.of(event(11, "job.technician-assigned", Map.of()), AT).isEmpty());
        assertTrue(facts.of(event(12, "job.something-new", Map.of()), AT).isEmpty());
    }

    @Test
    void theSameJobEventAlwaysGivesTheSameIdAndAnotherAnother() {
        assertEquals(ServerFacts.idOf(event(1, "job.clock-started", Map.of())),
                ServerFacts.idOf(event(1, "job.clock-started", Map.of())));
        assertNotEquals(ServerFacts.idOf(event(1, "job.clock-started", Map.of())),
                ServerFacts.idOf(event(2, "job.clock-started", Map.of())));
        assertEquals(UUID.fromString("3e2e8a6f-6a3e-3bb5-9dd6-4c06f2bd8a34").version(),
                ServerFacts.idOf(event(1, "job.clock-started", Map.of())).version());
    }

    @Test
    void anAppointmentConfirmedOrCheckedInIsItsJourneysStepAndNoOtherStatusIs() {
        UUID appointment = UUID.randomUUID();
        AnalyticsEvent confirmed = facts.of(note(21, appointment, "CONFIRMED"), AT).orElseThrow();
        assertEquals("appointment.confirmed", confirmed.name());
        assertEquals(appointment, confirmed.journeyId());
        assertEquals(Map.of("appointmentId", appointment.toString()), confirmed.properties());
        assertEquals(new UserKeys("secret").of(garage, customer), confirmed.userKey());
        assertEquals("server", confirmed.source());
        assertEquals(AT.minusSeconds(60), confirmed.occurredAt());
        assertEquals("appointment.checked-in", facts.of(note(22, appointment, "CHECKED_IN"), AT).orElseThrow().name());
        assertEquals(confirmed.id(), facts.of(note(21, appointment, "CONFIRMED"), AT).orElseThrow().id());
        assertNotEquals(confirmed.id(), facts.of(note(23, appointment, "CONFIRMED"), AT).orElseThrow().id());
        for (String status : List.of("REQUESTED", "COMPLETED", "CANCELLED", "NO_SHOW")) {
            assertTrue(facts.of(note(24, appointment, status), AT).isEmpty(), status);
        }
    }

    private AppointmentStatusNote note(long id, UUID appointment, String status) {
        return new AppointmentStatusNote(id, garage, appointment, customer, status, AT.minusSeconds(60));
    }

    private JobEventMessage event(long id, String type, Map<String, Object> payload) {
        return new JobEventMessage(id, garage, job, 1, type, true, payload, "customer", AT, customer, List.of());
    }
}
