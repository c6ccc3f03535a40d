package com.garage.mobile.platform.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The body of a part sent while its bytes arrive: first the bytes already in the spool file, then
 * {@code fromChunk} bytes of the chunk, each also appended to the spool file as it passes. If the
 * chunk breaks off, the spool file holds everything that arrived, so the caller keeps it as the
 * upload's tail instead of losing the part; {@link #chunkBroke()} tells the two failures apart.
 * Read once, by one thread.
 */
final class PartBody extends InputStream {

    private final InputStream spooled;
    private final InputStream chunk;
    private final OutputStream spool;
    private final long fromChunk;
    private long spooledLeft;
    private long teed;
    private boolean chunkBroke;

    PartBody(Path spoolFile, long spooledBytes, InputStream chunk, long fromChunk) throws IOException {
        this.spooled = Files.newInputStream(spoolFile);
        this.spooledLeft = spooledBytes;
        this.spool = Files.newOutputStream(spoolFile, StandardOpenOption.APPEND);
        this.chunk = chunk;
        this.fromChunk = fromChunk;
    }

    /** How many of the chunk's bytes passed (and are in the spool file). */
    long teed() {
        return teed;
    }

    /** Whether the chunk failed or ended before its share of the part arrived. */
    boolean chunkBroke() {
        return chunkBroke || teed < fromChunk;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (spooledLeft > 0) {
            int read = spooled.read(buffer, offset, (int) Math.min(length, spooledLeft));
            if (read < 0) {
                throw new IOException("the spool file is shorter than recorded");
            }
            spooledLeft -= read;
            return read;
        }
        if (teed == fromChunk) {
            return -1;
        }
        int read;
        try {
            read = chunk.read(buffer, offset, (int) Math.min(length, fromChunk - teed));
        } catch (IOException e) {
            chunkBroke = true;
            throw e;
        }
        if (read < 0) {
            chunkBroke = true;
            throw new IOException("the chunk ended before its declared length");
        }
        spool.write(buffer, offset, read);
        teed += read;
        return read;
    }

    @Override
    public void close() throws IOException {
        try (spooled; spool) {
            // both closed; the chunk is the request's, closed by its owner
        }
    }
}
