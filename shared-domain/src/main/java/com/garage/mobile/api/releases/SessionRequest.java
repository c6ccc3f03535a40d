package com.garage.mobile.api.releases;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** An app session starting or ending, under an id the app chose when it started. */
public record SessionRequest(@NotNull UUID sessionId, @NotNull Event event) {

    /** What happened to the session. */
    public enum Event {
        START,
        END
    }
}
