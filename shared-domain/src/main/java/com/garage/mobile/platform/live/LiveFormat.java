package com.garage.mobile.platform.live;

import com.garage.mobile.domain.event.JobEventMessage;

/** How one app's live connection words a job event; each BFF shapes events for its screens. */
@FunctionalInterface
public interface LiveFormat {

    /** The message this app's clients receive for the event (serialised as JSON). */
    Object message(JobEventMessage event);
}
