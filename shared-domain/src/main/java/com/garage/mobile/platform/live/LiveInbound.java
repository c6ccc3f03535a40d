package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * A kind of message apps send on the live channel (the server otherwise only writes), contributed
 * by a feature as a CDI bean and found by its {@link #type()}. It fails with a
 * {@code ProblemException} for a message it refuses; the sender is told why, the connection stays.
 */
public interface LiveInbound {

    /** The {@code type} of the messages it takes. */
    String type();

    Uni<Void> receive(Actor sender, JsonObject message);
}
