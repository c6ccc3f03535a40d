package com.garage.mobile.platform.live;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/** The {@code lastEventId} query parameter a reconnecting client sends with its handshake. */
final class LastEventId {

    static final String PARAMETER = "lastEventId";

    private LastEventId() {
    }

    /** The id, or null if the client sent none; refuses a malformed one. */
    static Long of(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> values = new QueryStringDecoder(query, false).parameters().get(PARAMETER);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || !values.get(0).matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("lastEventId must be one event id, a positive whole number");
        }
        return Long.parseLong(values.get(0));
    }
}
