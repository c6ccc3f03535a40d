package com.garage.mobile.platform.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.platform.web.RenderedJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/** An answer kept as sent: one header line ({@code <good until> <g|p> <etag>}) and the bytes. */
public record RenderedPayload(String name) implements HotPayload<RenderedJson> {

    @Override
    public byte[] write(RenderedJson rendered, ObjectMapper json) {
        String header = (rendered.goodUntil() == null ? "-" : Long.toString(rendered.goodUntil().toEpochMilli()))
                + " " + (rendered.gzipped() ? "g" : "p") + " " + rendered.etag() + "\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] kept = Arrays.copyOf(head, head.length + rendered.body().length);
        System.arraycopy(rendered.body(), 0, kept, head.length, rendered.body().length);
        return kept;
    }

    @Override
    public RenderedJson read(byte[] kept, ObjectMapper json) throws IOException {
        int end = 0;
        while (end < kept.length && kept[end] != '\n') {
            end++;
        }
        String[] header = new String(kept, 0, end, StandardCharsets.US_ASCII).split(" ");
        if (end == kept.length || header.length != 3) {
            throw new IOException("Not a rendered answer");
        }
        Instant goodUntil = header[0].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(header[0]));
        return new RenderedJson(Arrays.copyOfRange(kept, end + 1, kept.length), header[1].equals("g"), header[2],
                goodUntil);
    }
}
