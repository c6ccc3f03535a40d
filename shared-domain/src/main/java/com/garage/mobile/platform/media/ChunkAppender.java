package com.garage.mobile.platform.media;

import com.garage.mobile.domain.media.MediaConfig;
import com.garage.mobile.domain.media.ObjectStore;
import com.garage.mobile.domain.media.UploadLedger;
import com.garage.mobile.domain.media.UploadPart;
import com.garage.mobile.domain.media.UploadRecord;
import com.garage.mobile.domain.time.GarageClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Streams a chunk into the store's multipart upload, as tusd's s3store does: each full part is sent
 * and recorded at once; what is left below the store's minimum part size is kept as a tail object
 * and put in front of the next chunk. A part the chunk's declared length will fill is sent while its
 * bytes arrive, each byte also kept in a part-sized spool file, so that a chunk breaking off mid-part
 * leaves what arrived as the tail instead of losing it; other bytes are spooled first and then sent.
 * Memory use is one copy buffer, whatever the chunk's size.
 */
@ApplicationScoped
class ChunkAppender {

    static final Duration LEASE = Duration.ofMinutes(10);
    private static final int BUFFER = 64 * 1024;

    private final ObjectStore store;
    private final UploadLedger ledger;
    private final MediaConfig config;
    private final GarageClock clock;
    private final Spool spool;

    ChunkAppender(ObjectStore store, UploadLedger ledger, MediaConfig config, GarageClock clock, Spool spool) {
        this.store = store;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
        this.spool = spool;
    }

    /**
     * Appends the chunk under the caller's lease and answers the upload as recorded after it. A chunk
     * cut short (the client went away) keeps what arrived, as tusd does: the client asks with HEAD.
     */
    UploadRecord append(UploadRecord upload, UUID lease, InputStream chunk, long chunkLength) throws IOException {
        Path part = spool.newFile();
        try {
            Progress progress = new Progress(upload);
            if (upload.tailSize() > 0) {
                try (InputStream tail = store.get(upload.tailKey()); OutputStream out = Files.newOutputStream(part)) {
                    copy(tail, out, upload.tailSize());
                }
            }
            fill(progress, part, lease, chunk, chunkLength);
            finish(progress, part, lease);
            if (upload.tailSize() > 0 && progress.partsBytes != upload.offset() - upload.tailSize()) {
                store.delete(upload.tailKey());
            }
            return progress.record();
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Reads the chunk into parts until it ends or breaks off; {@code chunkLength} is -1 when not declared. */
    private void fill(Progress progress, Path part, UUID lease, InputStream chunk, long chunkLength) throws IOException {
        long partSize = config.partSize().asLongValue();
        long arrived = 0;
        while (true) {
            long want = Math.min(partSize - progress.inPart, progress.upload.length() - progress.stored());
            long got;
            boolean broken = false;
            if (chunkLength - arrived >= want) {
                got = streamPart(progress, part, lease, chunk, want);
                broken = got < want;
            } else {
                try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.APPEND)) {
                    got = copy(chunk, out, want);
                } catch (ChunkBroken e) {
                    got = e.copied;
                    broken = true;
                }
                progress.inPart += got;
                if (progress.inPart == partSize || progress.stored() == progress.upload.length()) {
                    sendPart(progress, part, lease);
                }
            }
            arrived += got;
            if (broken || got < want || progress.stored() == progress.upload.length()) {
                return;
            }
        }
    }

    /**
     * Sends the part while its last {@code want} bytes arrive; answers how many arrived: fewer when
     * the chunk broke off, and then they wait in the spool file, not yet sent.
     */
    private long streamPart(Progress progress, Path part, UUID lease, InputStream chunk, long want) throws IOException {
        int number = progress.parts.size() + 1;
        long length = progress.inPart + want;
        PartBody body = new PartBody(part, progress.inPart, chunk, want);
        String etag;
        try (body) {
            etag = store.uploadPart(progress.upload.objectKey(), progress.upload.multipartId(), number, body, length);
        } catch (RuntimeException e) {
            if (!body.chunkBroke()) {
                throw e;
            }
            progress.inPart += body.teed();
            return body.teed();
        }
        progress.inPart = length;
        partSent(progress, number, etag, part, lease);
        return want;
    }

    /** Keeps what is left below a part as a tail for the next chunk. */
    private void finish(Progress progress, Path part, UUID lease) {
        if (progress.inPart > 0) {
            store.put(progress.upload.objectKey() + ".tail." + progress.partsBytes, part, "application/octet-stream");
            progress.tailSize = progress.inPart;
            record(progress, lease);
        }
    }

    private void sendPart(Progress progress, Path part, UUID lease) {
        int number = progress.parts.size() + 1;
        partSent(progress, number, store.uploadPart(progress.upload.objectKey(), progress.upload.multipartId(), number, part),
                part, lease);
    }

    private void partSent(Progress progress, int number, String etag, Path part, UUID lease) {
        progress.parts.add(new UploadPart(number, etag, progress.inPart));
        progress.partsBytes += progress.inPart;
        progress.inPart = 0;
        progress.tailSize = 0;
        try {
            Files.write(part, new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reuse the spool file", e);
        }
        record(progress, lease);
    }

    private void record(Progress progress, UUID lease) {
        Instant now = clock.now();
        ledger.progress(progress.upload.id(), lease, progress.partsBytes + progress.tailSize, progress.parts,
                progress.tailSize, now, now.plus(config.uploadExpiry()), now.plus(LEASE)).await().indefinitely();
    }

    /** Copies up to {@code limit} bytes; answers how many, fewer only at the end of the input. */
    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (copied < limit) {
            int read;
            try {
                read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            } catch (IOException e) {
                throw new ChunkBroken(copied, e);
            }
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    /** The chunk's stream failed after some bytes arrived. */
    private static final class ChunkBroken extends IOException {
        private final long copied;

        ChunkBroken(long copied, IOException cause) {
            super(cause);
            this.copied = copied;
        }
    }

    /** The upload as this request moves it: parts sent, bytes waiting in the spool file. */
    private static final class Progress {
        private final UploadRecord upload;
        private final List<UploadPart> parts;
        private long partsBytes;
        private long inPart;
        private long tailSize;

        Progress(UploadRecord upload) {
            this.upload = upload;
            this.parts = new ArrayList<>(upload.parts());
            this.partsBytes = upload.offset() - upload.tailSize();
            this.inPart = upload.tailSize();
            this.tailSize = upload.tailSize();
        }

        long stored() {
            return partsBytes + inPart;
        }

        UploadRecord record() {
            return new UploadRecord(upload.id(), upload.garageId(), upload.jobId(), upload.createdBy(), upload.kind(),
                    upload.contentType(), upload.objectKey(), upload.length(), partsBytes + tailSize,
                    upload.multipartId(), List.copyOf(parts), tailSize, false, upload.expiresAt(),
                    upload.fingerprint());
        }
    }
}
