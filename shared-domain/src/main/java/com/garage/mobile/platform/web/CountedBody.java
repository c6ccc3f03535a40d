package com.garage.mobile.platform.web;

import com.garage.mobile.domain.media.tus.Tus;
import com.garage.mobile.domain.problem.Problem;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a request body as it is read and refuses it (413 problem) once it passes the limit:
 * for bodies sent without a declared length, which {@link BodySizeLimit} cannot check up front.
 *
 * <p>Any reader interceptor makes Quarkus REST read the endpoint's parameter annotations again on every
 * request with a body (docs/performance.md, ninth step). Reading such a body into the Vert.x route instead
 * works over HTTP/1.1 but not over HTTP/2: Quarkus REST 3.33 pauses the request it starts on, and an
 * HTTP/2 request already read throws there.
 */
@Provider
public class CountedBody implements ReaderInterceptor {

    private final BodySizeLimit limit;

    public CountedBody(BodySizeLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (Tus.isChunk(String.valueOf(context.getMediaType()))) {
            // A tus chunk streams through to the object store, capped by its upload's length.
            return context.proceed();
        }
        context.setInputStream(new Limited(context.getInputStream(), limit.maxBytes()));
        return context.proceed();
    }

    /** The body, read until it passes the limit. */
    private static final class Limited extends FilterInputStream {

        private final long maxBytes;
        private long read;

        Limited(InputStream body, long maxBytes) {
            super(body);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            count(next < 0 ? 0 : 1);
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            count(Math.max(count, 0));
            return count;
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > maxBytes) {
                throw new BodyTooLarge(maxBytes);
            }
        }
    }

    /** Raised while reading, as the I/O failure the body reader passes on untouched. */
    public static final class BodyTooLarge extends IOException {

        private final transient Problem problem;

        BodyTooLarge(long maxBytes) {
            super("request body too large");
            this.problem = BodySizeLimit.tooLarge(maxBytes);
        }

        public Problem problem() {
            return problem;
        }
    }
}
