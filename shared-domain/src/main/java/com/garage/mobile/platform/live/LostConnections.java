package com.garage.mobile.platform.live;

import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * Phones drop their connections without a goodbye all the time (tunnels, lifts, flight mode): for
 * a live connection that is business as usual, not an error to log on every pod.
 */
@ApplicationScoped
public class LostConnections {

    private static final Logger LOG = Logger.getLogger(LostConnections.class);

    @OnError
    void lost(IOException failure, WebSocketConnection connection) {
        LOG.debugf("Live connection %s lost: %s", connection.id(), failure.getMessage());
    }
}
