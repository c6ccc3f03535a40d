package com.garage.mobile.platform.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;

/**
 * A kind of cached payload: its name (in keys and metrics) and how it is kept in Redis as bytes. A pod
 * shares the value it read between the reads that find it, so a value must not be changed.
 */
public interface HotPayload<T> {

    String name();

    byte[] write(T value, ObjectMapper json) throws IOException;

    /** The payload kept as {@code kept}; fails if it cannot be read, such as one of an older shape. */
    T read(byte[] kept, ObjectMapper json) throws IOException;

    /** A payload kept as its JSON. */
    static <T> HotPayload<T> of(String name, Class<T> type) {
        return new JsonPayload<>(name, TypeFactory.defaultInstance().constructType(type));
    }

    /** A payload kept as its JSON. */
    static <T> HotPayload<T> of(String name, TypeReference<T> type) {
        return new JsonPayload<>(name, TypeFactory.defaultInstance().constructType(type));
    }
}
