package com.garage.mobile.platform.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A payload kept as its JSON and read back as its type. */
record JsonPayload<T>(String name, JavaType type) implements HotPayload<T> {

    @Override
    public byte[] write(T value, ObjectMapper json) throws IOException {
        return json.writeValueAsBytes(value);
    }

    @Override
    public T read(byte[] kept, ObjectMapper json) throws IOException {
        return json.readValue(kept, type);
    }
}
