package com.garage.mobile.platform.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.media.MediaConfig;
import com.garage.mobile.domain.media.MediaTargets;
import com.garage.mobile.domain.media.ObjectStore;
import com.garage.mobile.domain.media.UploadLedger;
import com.garage.mobile.domain.media.UploadRecord;
import com.garage.mobile.domain.media.tus.UploadChecksum;
import com.garage.mobile.domain.media.tus.UploadHeaders;
import com.garage.mobile.domain.media.tus.UploadMetadata;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Resumable uploads (tus 1.0.0) of media into the object store: creation (idempotent by the app's
 * media id), the authoritative offset, chunks, termination. Blocking: runs on worker threads, with
 * its state in PostgreSQL so any pod continues what another began.
 */
@ApplicationScoped
public class TusUploads {

    private final UploadLedger ledger;
    private final ObjectStore store;
    private final MediaTargets targets;
    private final AuditedAction audited;
    private final ChunkAppender appender;
    private final ChunkSpool chunks;
    private final MediaCheck check;
    private final Pool pool;
    private final MediaConfig config;
    private final GarageClock clock;

    public TusUploads(UploadLedger ledger, ObjectStore store, MediaTargets targets, AuditedAction audited,
            ChunkAppender appender, ChunkSpool chunks, MediaCheck check, Pool pool, MediaConfig config, GarageClock clock) {
        this.ledger = ledger;
        this.store = store;
        this.targets = targets;
        this.audited = audited;
        this.appender = appender;
        this.chunks = chunks;
        this.check = check;
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    /** A new upload, or the one this person began with the same media id and the same metadata. */
    public UploadRecord create(Actor actor, UploadMetadata metadata, String lengthHeader) {
        long length = UploadHeaders.length(lengthHeader, config.maxSize(metadata.kind()));
        String fingerprint = fingerprint(metadata, length);
        UploadRecord existing = await(() -> ledger.find(metadata.clientMediaId()));
        if (existing != null) {
            return same(actor, existing, fingerprint);
        }
        Optional<UUID> job = await(() -> audited.run(actor, UploadLedger.START, "media", metadata.clientMediaId(),
                () -> Panache.withSession(() -> targets.forUploadBy(actor, metadata.targetType())
                        .jobForAttaching(actor, metadata.targetId()))));
        UUID jobId = job.orElse(null);
        String folder = job.map(UUID::toString).orElse("general");
        String key = actor.garageId() + "/" + folder + "/" + metadata.clientMediaId();
        String multipartId = store.startMultipart(key, metadata.contentType());
        Instant now = clock.now();
        UploadRecord upload = new UploadRecord(metadata.clientMediaId(), actor.garageId(), jobId, actor.personId(),
                metadata.kind(), metadata.contentType(), key, length, 0, multipartId, List.of(), 0, false,
                now.plus(config.uploadExpiry()), fingerprint);
        try {
            await(() -> ledger.open(actor, upload, metadata, now));
            return upload;
        } catch (PgException raced) {
            store.abortMultipart(key, multipartId);
            if (!"23505".equals(raced.getSqlState())) {
                throw raced;
            }
            return same(actor, await(() -> ledger.find(metadata.clientMediaId())), fingerprint);
        }
    }

    /** The upload as it stands, for its creator only. */
    public UploadRecord current(Actor actor, UUID id) {
        UploadRecord upload = await(() -> ledger.find(id));
        if (upload == null || !upload.garageId().equals(actor.garageId())) {
            throw ProblemException.notFound("Upload");
        }
        if (!upload.createdBy().equals(actor.personId())) {
            // A customer never learns of anyone else's records; staff are told whose it is not.
            if (actor.role() == ActorRole.CUSTOMER) {
                throw ProblemException.notFound("Upload");
            }
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the person who began an upload may continue it.");
        }
        if (upload.expired(clock.now())) {
            throw new ProblemException(ProblemType.UPLOAD_EXPIRED, "The upload expired; begin a new one.");
        }
        return upload;
    }

    /** Stops an unfinished upload: its parts are dropped and its media row removed. */
    public void terminate(Actor actor, UploadRecord upload) {
        if (upload.complete()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "The upload is complete: delete the media instead.");
        }
        UUID lease = claim(upload);
        discard(upload);
        await(() -> ledger.abandon(actor, upload, "terminated", clock.now()));
        await(() -> ledger.release(upload.id(), lease));
    }

    /** Drops what the store holds of an unfinished upload. */
    void discard(UploadRecord upload) {
        store.abortMultipart(upload.objectKey(), upload.multipartId());
        if (upload.tailSize() > 0) {
            store.delete(upload.tailKey());
        }
    }

    /**
     * Appends a chunk (declared length, or -1 when unknown) at the offset the client names; answers
     * the upload after it.
     */
    public UploadRecord append(UploadRecord upload, String offsetHeader, Optional<UploadChecksum> checksum,
            long declaredLength, InputStream chunk) throws IOException {
        UploadHeaders.requireOffset(offsetHeader, upload.offset());
        if (declaredLength > upload.remaining()) {
            throw UploadHeaders.tooLarge(upload.length());
        }
        if (upload.complete()) {
            return upload;
        }
        UUID lease = claim(upload);
        boolean completed = false;
        try (ChunkSpool.Chunk verified = chunks.verified(chunk, checksum, upload.remaining(), declaredLength)) {
            UploadRecord after = appender.append(upload, lease, verified.stream(), verified.length());
            if (verified.overLimit()) {
                throw UploadHeaders.tooLarge(upload.length());
            }
            if (after.offset() == after.length()) {
                complete(after, lease);
                completed = true;
            }
            return after;
        } finally {
            if (!completed) {
                await(() -> ledger.release(upload.id(), lease));
            }
        }
    }

    private void complete(UploadRecord upload, UUID lease) {
        store.completeMultipart(upload.objectKey(), upload.multipartId(), upload.parts());
        Instant now = clock.now();
        // The check is enqueued with the completion, so a completed upload is always checked (retried
        // while the store fails) and never left UPLOADING by a pod that died after completing it.
        await(() -> pool.withTransaction(transaction -> ledger.complete(transaction, upload.id(), lease, now)
                .chain(() -> check.enqueue(transaction, upload, now))));
    }

    private UUID claim(UploadRecord upload) {
        UUID lease = UUID.randomUUID();
        Instant now = clock.now();
        if (!await(() -> ledger.claim(upload.id(), upload.offset(), lease, now, now.plus(ChunkAppender.LEASE)))) {
            throw new ProblemException(ProblemType.UPLOAD_OFFSET_MISMATCH,
                    "Another request is writing this upload, or it moved on: ask where it stands with HEAD.");
        }
        return lease;
    }

    private UploadRecord same(Actor actor, UploadRecord existing, String fingerprint) {
        if (!existing.garageId().equals(actor.garageId()) || !existing.createdBy().equals(actor.personId())
                || !existing.fingerprint().equals(fingerprint)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "clientMediaId names another upload: choose a new id for a new media.");
        }
        if (existing.expired(clock.now())) {
            throw new ProblemException(ProblemType.UPLOAD_EXPIRED, "The upload expired; begin a new one.");
        }
        return existing;
    }

    private static String fingerprint(UploadMetadata metadata, long length) {
        String text = String.join("\n", metadata.targetType(), metadata.targetId().toString(), metadata.kind().name(),
                metadata.contentType(), String.valueOf(metadata.filename()), Long.toString(length));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs reactive work from this worker thread, on a Vert.x context as Hibernate Reactive needs. */
    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
