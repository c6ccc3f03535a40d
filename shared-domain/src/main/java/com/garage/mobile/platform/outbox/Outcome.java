package com.garage.mobile.platform.outbox;

import java.time.Instant;

/** What became of an item of outbound work, as its handler says. */
public sealed interface Outcome {

    /** Done; {@code receipt} is the remote's id for it, if it gave one. */
    record Delivered(String receipt) implements Outcome {
    }

    /** It failed in a way that may pass: tried again after a growing wait, a dead letter after the last attempt. */
    record RetryLater(String reason) implements Outcome {
    }

    /** Not now, and not a failure (quiet hours, a rate limit): tried again at {@code until}, no attempt counted. */
    record Wait(Instant until) implements Outcome {
    }

    /** Refused for good; trying again would not help. A dead letter an admin may replay. */
    record GiveUp(String reason) implements Outcome {
    }

    /**
     * Must not be done, ever (consent withdrawn, device gone, superseded); {@code closedAs} is the
     * handler's word for why.
     */
    record Drop(String closedAs, String reason) implements Outcome {
    }
}
