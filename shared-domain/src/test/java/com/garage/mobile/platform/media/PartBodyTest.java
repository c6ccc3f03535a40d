package com.garage.mobile.platform.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartBodyTest {

    @TempDir
    Path directory;

    @Test
    void thePartIsTheSpooledBytesThenTheChunksShareAndEveryChunkByteIsKept() throws IOException {
        Path spool = spoolHolding(bytes(300, 1));
        byte[] chunk = bytes(1000, 2);
        PartBody body = new PartBody(spool, 300, new ByteArrayInputStream(chunk), 700);

        byte[] sent;
        try (body) {
            sent = body.readAllBytes();
        }

        assertArrayEquals(concat(bytes(300, 1), Arrays.copyOf(chunk, 700)), sent);
        assertFalse(body.chunkBroke());
        assertEquals(700, body.teed());
        assertArrayEquals(sent, Files.readAllBytes(spool));
    }

    @Test
    void aChunkThatBreaksOffLeavesWhatArrivedInTheSpoolFile() throws IOException {
        Path spool = spoolHolding(bytes(100, 1));
        byte[] arrived = bytes(250, 3);
        PartBody body = new PartBody(spool, 100, new BreaksAfter(arrived), 900);

        try (body) {
            assertThrows(IOException.class, body::readAllBytes);
        }

        assertTrue(body.chunkBroke());
        assertEquals(250, body.teed());
        assertArrayEquals(concat(bytes(100, 1), arrived), Files.readAllBytes(spool));
    }

    @Test
    void aChunkEndingBeforeItsShareIsBrokenNotAShortPart() throws IOException {
        Path spool = spoolHolding(new byte[0]);
        PartBody body = new PartBody(spool, 0, new ByteArrayInputStream(bytes(40, 4)), 64);

        try (body) {
            assertThrows(IOException.class, body::readAllBytes);
        }

        assertTrue(body.chunkBroke());
        assertEquals(40, body.teed());
    }

    private Path spoolHolding(byte[] content) throws IOException {
        Path file = Files.createTempFile(directory, "part-", ".spool");
        Files.write(file, content);
        return file;
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A request body whose connection drops after some bytes. */
    private static final class BreaksAfter extends InputStream {
        private final ByteArrayInputStream arrived;

        BreaksAfter(byte[] arrived) {
            this.arrived = new ByteArrayInputStream(arrived);
        }

        @Override
        public int read() throws IOException {
            int next = arrived.read();
            if (next < 0) {
                throw new IOException("connection reset");
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = arrived.read(buffer, offset, length);
            if (read < 0) {
                throw new IOException("connection reset");
            }
            return read;
        }
    }
}
