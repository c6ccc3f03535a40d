package com.garage.mobile.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON answer as the bytes sent, plain or gzip-compressed, so that a cached read costs neither
 * serialising nor compressing. Its ETag is a hash of the plain JSON, weak because both encodings
 * share it. An answer that depends on the time it is read (a job turning overdue) says until when it
 * is right.
 *
 * @param goodUntil the last instant the answer is right, or null if only a change can make it wrong
 */
public record RenderedJson(byte[] body, boolean gzipped, String etag, Instant goodUntil) {

    private static final String GZIP = "gzip";

    public static RenderedJson of(Object view, ObjectMapper json, boolean gzip, Instant goodUntil) {
        try {
            byte[] plain = json.writeValueAsBytes(view);
            return new RenderedJson(gzip ? gzip(plain) : plain, gzip, etagOf(plain), goodUntil);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render " + view.getClass().getSimpleName(), e);
        }
    }

    public boolean goodAt(Instant now) {
        return goodUntil == null || !now.isAfter(goodUntil);
    }

    /** The bytes, or 304 Not Modified when {@code ifNoneMatch} names them. */
    public Response response(String ifNoneMatch) {
        if (EntityTags.matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY,
                    HttpHeaders.ACCEPT_ENCODING).build();
        }
        var ok = Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return (gzipped ? ok.header(HttpHeaders.CONTENT_ENCODING, GZIP) : ok).build();
    }

    /**
     * Whether to answer this request with the gzip copy: it accepts gzip, and it came over HTTP/1.1.
     * Over HTTP/2 the server's compressor compresses whatever an answer's {@code Content-Encoding}
     * names, so the compressed copy would be compressed again; there the plain one is sent and
     * compressed per request.
     */
    public static boolean sendCompressed(HttpServerRequest request) {
        return request.version() != HttpVersion.HTTP_2 && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    }

    /** Whether an {@code Accept-Encoding} header accepts gzip (RFC 9110 §12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            double weight = weight(parts);
            if (name.equalsIgnoreCase(GZIP)) {
                return weight > 0;
            }
            if (name.equals("*")) {
                any = weight;
            }
        }
        return any != null && any > 0;
    }

    private static double weight(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        var compressed = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (var out = new GZIPOutputStream(compressed)) {
            out.write(plain);
        }
        return compressed.toByteArray();
    }

    private static String etagOf(byte[] plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
