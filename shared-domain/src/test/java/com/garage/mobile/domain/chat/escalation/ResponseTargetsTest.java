package com.garage.mobile.domain.chat.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.hours.BusinessCalendar;
import com.garage.mobile.domain.hours.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ResponseTargetsTest {

    private static final BusinessCalendar LONDON = BusinessCalendar.always(
            BusinessHours.standard(ZoneId.of("Europe/London")));

    @Test
    void theDefaultsShortenWithPriority() {
        ResponseTargets targets = ResponseTargets.defaults();
        assertEquals(Duration.ofMinutes(15), targets.target(ChatPriority.URGENT, ResponseKind.FIRST));
        assertEquals(Duration.ofMinutes(30), targets.target(ChatPriority.URGENT, ResponseKind.NEXT));
        assertEquals(Duration.ofHours(1), targets.target(ChatPriority.HIGH, ResponseKind.FIRST));
        assertEquals(Duration.ofHours(8), targets.target(ChatPriority.NORMAL, ResponseKind.NEXT));
        assertTrue(ChatPriority.URGENT.above(ChatPriority.HIGH));
    }

    @Test
    void theWarningGoesOutWithTheConfiguredShareOfTheTargetLeftInBusinessTime() {
        // Friday 4 December 2026 17:00 GMT, normal first response (4 h): 1 h Friday, 3 h Saturday 09:00-12:00
        ResponseTargets.Deadline deadline = ResponseTargets.defaults().deadline(LONDON,
                Instant.parse("2026-12-04T17:00:00Z"), ChatPriority.NORMAL, ResponseKind.FIRST);
        assertEquals(Instant.parse("2026-12-05T12:00:00Z"), deadline.dueAt());
        // 20 % of 4 h left: after 3 h 12 min of business time
        assertEquals(Instant.parse("2026-12-05T11:12:00Z"), deadline.warnAt());
    }
}
