package com.garage.mobile.platform.media;

import com.garage.mobile.domain.media.tus.UploadChecksum;
import com.garage.mobile.domain.media.tus.UploadHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A chunk ready to append. With an {@code Upload-Checksum} it is first spooled to a file while its
 * digest is computed, and refused (460) before a byte of it reaches the store if they differ;
 * without one it streams straight through.
 */
@ApplicationScoped
class ChunkSpool {

    private final Spool spool;

    ChunkSpool(Spool spool) {
        this.spool = spool;
    }

    /**
     * A chunk of at most {@code limit} bytes; a longer one is refused (413) or, streaming, cut there.
     * {@code declaredLength} is the request's Content-Length, -1 when it has none.
     */
    Chunk verified(InputStream body, Optional<UploadChecksum> checksum, long limit, long declaredLength) throws IOException {
        if (checksum.isEmpty()) {
            return new Chunk(body, null, declaredLength);
        }
        Path file = spool.newFile();
        try {
            MessageDigest digest = checksum.get().newDigest();
            long copied;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                copied = body.transferTo(new Bounded(out, limit));
            }
            if (copied > limit) {
                throw UploadHeaders.tooLarge(limit);
            }
            checksum.get().requireMatch(digest.digest());
            return new Chunk(Files.newInputStream(file), file, copied);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The chunk's bytes, how many it brings if known (-1 if not) and, when spooled, the file to remove after. */
    static final class Chunk implements AutoCloseable {
        private final InputStream stream;
        private final Path file;
        private final long length;

        Chunk(InputStream stream, Path file, long length) {
            this.stream = stream;
            this.file = file;
            this.length = length;
        }

        InputStream stream() {
            return stream;
        }

        long length() {
            return length;
        }

        /** Whether bytes are left after the upload's length: the chunk was longer than allowed. */
        boolean overLimit() {
            try {
                return stream.read() >= 0;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try {
                stream.close();
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes at most {@code limit} bytes and one more, so that a longer chunk is noticed without keeping it. */
    private static final class Bounded extends OutputStream {
        private final OutputStream out;
        private final long limit;
        private long written;

        Bounded(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (written > limit) {
                throw UploadHeaders.tooLarge(limit);
            }
            out.write(bytes, offset, length);
            written += length;
        }
    }
}
