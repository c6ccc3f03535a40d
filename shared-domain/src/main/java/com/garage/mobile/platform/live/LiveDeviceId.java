package com.garage.mobile.platform.live;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.UUID;

/**
 * The {@code deviceId} query parameter of the handshake: the id {@code POST /api/v1/devices}
 * gave this phone or browser, so that it is not pushed what it receives live.
 */
final class LiveDeviceId {

    static final String PARAMETER = "deviceId";
    private static final String UUID_FORM = "[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}";

    private LiveDeviceId() {
    }

    /** The device, or null if the app named none; refuses a malformed one. */
    static UUID of(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> values = new QueryStringDecoder(query, false).parameters().get(PARAMETER);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() == 1 && values.get(0).matches(UUID_FORM)) {
            return UUID.fromString(values.get(0));
        }
        throw new IllegalArgumentException("deviceId must be one device id (a UUID) from POST /api/v1/devices");
    }
}
