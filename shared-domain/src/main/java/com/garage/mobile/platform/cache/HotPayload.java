package com.garage.mobile.platform.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

/** A kind of cached payload: its name (in keys and metrics) and the type it is read back as. */
public record HotPayload<T>(String name, JavaType type) {

    public static <T> HotPayload<T> of(String name, Class<T> type) {
        return new HotPayload<>(name, TypeFactory.defaultInstance().constructType(type));
    }

    public static <T> HotPayload<T> of(String name, TypeReference<T> type) {
        return new HotPayload<>(name, TypeFactory.defaultInstance().constructType(type));
    }
}
