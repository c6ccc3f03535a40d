package com.garage.mobile.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.access.Origin.Channel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void anAppRequestKeepsItsDeviceAddressAndRequest() {
        Origin origin = Origin.app("pixel-8-tom", "203.0.113.7", "req-1");
        assertEquals(new Origin(Channel.APP, "pixel-8-tom", "203.0.113.7", "req-1"), origin);
    }

    @Test
    void aScheduledRunNamesItsJobAndRunAndNoDeviceOrAddress() {
        Origin origin = Origin.scheduler("appointment-reminders", "run-7");
        assertEquals(Channel.SCHEDULER, origin.channel());
        assertEquals("appointment-reminders:run-7", origin.requestId());
        assertNull(origin.deviceId());
        assertNull(origin.clientIp());
    }

    @Test
    void aWebhookNamesItsSourceAndDelivery() {
        Origin origin = Origin.webhook("test-partner", "d-1");
        assertEquals(Channel.WEBHOOK, origin.channel());
        assertEquals("test-partner:d-1", origin.requestId());
        assertNull(origin.deviceId());
        assertNull(origin.clientIp());
    }

    @Test
    void anActorBeforeItsRequestIsKnownCountsAsTheAppWithNothingElseKnown() {
        assertEquals(new Origin(Channel.APP, null, null, null), Origin.unknown());
    }

    @Test
    void channelsAreWrittenAsTheAuditTrailStoresThem() {
        assertEquals(List.of("app", "webhook", "scheduler", "admin"),
                Arrays.stream(Channel.values()).map(Channel::value).toList(),
                "the values the audit_entry.channel check constraint accepts");
    }
}
