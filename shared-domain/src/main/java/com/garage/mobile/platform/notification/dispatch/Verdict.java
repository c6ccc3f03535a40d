package com.garage.mobile.platform.notification.dispatch;

import java.time.Instant;

/** What happens to a claimed notification before anything is sent. */
sealed interface Verdict {

    /** Send it now. */
    record Send() implements Verdict {
    }

    /** The person's quiet hours: wait for the window's end. */
    record Hold(Instant until) implements Verdict {
    }

    /** The person had their share of notifications lately: wait for a free slot. */
    record Defer(Instant until) implements Verdict {
    }

    /** Do not send it, ever; {@code status} says why (withdrawn, device gone). */
    record Drop(String status, String reason) implements Verdict {
    }
}
