package com.garage.mobile.platform.live;

import java.util.List;

/** What a reconnecting client gets before it follows live events again. */
sealed interface Replay {

    /** Nothing to replay: a first connection. */
    Replay NOTHING = new Missed(List.of());

    /** The events the client missed, in id order, all topics merged. */
    record Missed(List<LiveEvent<?>> events) implements Replay {
    }

    /** The missed events cannot be replayed; the app must fetch the current state. */
    record Resync(String reason, String detail) implements Replay {
    }
}
