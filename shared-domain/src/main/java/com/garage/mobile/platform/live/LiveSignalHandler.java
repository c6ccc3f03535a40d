package com.garage.mobile.platform.live;

import io.vertx.core.json.JsonObject;

/**
 * A feature's kind of ephemeral signal (someone typing): what to do with one when it reaches this
 * pod, from any pod, through {@link LiveSignals}. A CDI bean, found by its {@link #kind()}.
 */
public interface LiveSignalHandler {

    String kind();

    void arrived(JsonObject signal);
}
