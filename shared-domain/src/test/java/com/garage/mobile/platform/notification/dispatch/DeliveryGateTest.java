package com.garage.mobile.platform.notification.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.consent.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryGateTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant EVENING = Instant.parse("2026-01-15T23:30:00Z");
    private static final Instant NOON = Instant.parse("2026-01-15T12:00:00Z");
    private static final QuietHours NIGHTS = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), LONDON);
    private static final UUID CARL = UUID.randomUUID();

    private final DeliveryGate gate = new DeliveryGate(Set.of(NotificationCategory.APPROVALS), 2,
            Duration.ofMinutes(10));

    @Test
    void aDeactivatedDeviceIsNeverSentTo() {
        assertEquals(new Verdict.Drop("DEVICE_GONE", "the device was deactivated before sending"),
                judge(delivery(1, "a", NotificationCategory.JOB_STATUS, false, true, null), NOON));
    }

    @Test
    void aWithdrawnConsentStopsTheMessage() {
        assertEquals(new Verdict.Drop("WITHDRAWN", "no current consent for JOB_STATUS"),
                judge(delivery(1, "a", NotificationCategory.JOB_STATUS, true, false, null), NOON));
    }

    @Test
    void quietHoursHoldUntilTheWindowEndsInThePersonsZone() {
        assertEquals(new Verdict.Hold(Instant.parse("2026-01-16T07:00:00Z")),
                judge(delivery(1, "a", NotificationCategory.JOB_STATUS, true, true, NIGHTS), EVENING));
        assertEquals(new Verdict.Send(),
                judge(delivery(1, "a", NotificationCategory.JOB_STATUS, true, true, NIGHTS), NOON));
    }

    @Test
    void aCriticalCategoryIgnoresQuietHours() {
        assertEquals(new Verdict.Send(),
                judge(delivery(1, "a", NotificationCategory.APPROVALS, true, true, NIGHTS), EVENING));
    }

    @Test
    void theRateLimitCountsNotificationsNotDevicesAndDefersTheRest() {
        Delivery phone = delivery(1, "ready", NotificationCategory.JOB_STATUS, true, true, null);
        Delivery tablet = delivery(2, "ready", NotificationCategory.JOB_STATUS, true, true, null);
        Delivery second = delivery(3, "approval", NotificationCategory.JOB_STATUS, true, true, null);
        Delivery third = delivery(4, "parts", NotificationCategory.JOB_STATUS, true, true, null);

        Map<Delivery, Verdict> verdicts = gate.judge(List.of(phone, tablet, second, third), Map.of(), NOON);

        assertEquals(new Verdict.Send(), verdicts.get(phone));
        assertEquals(new Verdict.Send(), verdicts.get(tablet));
        assertEquals(new Verdict.Send(), verdicts.get(second));
        assertEquals(new Verdict.Defer(NOON.plus(Duration.ofMinutes(10))), verdicts.get(third));
    }

    @Test
    void notificationsSentLatelyCountUntilTheOldestLeavesTheWindow() {
        Instant oldest = NOON.minus(Duration.ofMinutes(4));
        RecentNotifications recent = new RecentNotifications(Set.of("earlier", "ready"), oldest);
        Delivery sentBeforeToAnotherDevice = delivery(1, "ready", NotificationCategory.JOB_STATUS, true, true, null);
        Delivery fresh = delivery(2, "fresh", NotificationCategory.JOB_STATUS, true, true, null);

        Map<Delivery, Verdict> verdicts = gate.judge(List.of(sentBeforeToAnotherDevice, fresh),
                Map.of(CARL, recent), NOON);

        assertEquals(new Verdict.Send(), verdicts.get(sentBeforeToAnotherDevice));
        assertEquals(new Verdict.Defer(oldest.plus(Duration.ofMinutes(10))), verdicts.get(fresh));
    }

    private Verdict judge(Delivery delivery, Instant now) {
        return gate.judge(List.of(delivery), Map.of(), now).get(delivery);
    }

    private static Delivery delivery(long id, String notification, NotificationCategory category, boolean active,
            boolean consented, QuietHours quiet) {
        return new Delivery(id, CARL, notification, category, active, consented, quiet);
    }
}
