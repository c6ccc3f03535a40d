package com.garage.mobile.domain.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.media.tus.UploadMetadata;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The state of resumable uploads in PostgreSQL ({@code media_upload} beside its {@code media} row),
 * so that any pod continues an upload another began. A writer holds a lease on the upload while it
 * stores a chunk, and records each part as soon as the store has it.
 */
@ApplicationScoped
public class UploadLedger {

    public static final String START = "media.upload-start";
    public static final String ABANDON = "media.upload-abandon";

    private static final String SELECT = """
            select u.id, u.garage_id, m.job_id, u.created_by, m.kind, m.content_type, m.object_key, u.upload_length,
                   u.upload_offset, u.multipart_id, u.parts, u.tail_size, u.status, u.expires_at, u.fingerprint
            from media_upload u join media m on m.id = u.id""";

    private final Pool pool;
    private final AuditTrail audit;

    public UploadLedger(Pool pool, AuditTrail audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** The upload with this id, or null. */
    public Uni<UploadRecord> find(UUID id) {
        return pool.preparedQuery(SELECT + " where u.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : record(rows.iterator().next()));
    }

    /** Writes the media row (UPLOADING) and its upload, audited, in one transaction. */
    public Uni<Void> open(Actor actor, UploadRecord upload, UploadMetadata metadata, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                insert into media (id, garage_id, job_id, target_type, target_id, kind, status, content_type,
                    declared_size, object_key, uploaded_by, uploaded_by_customer, created_at, updated_at, filename)
                values ($1, $2, $3, $4, $5, $6, 'UPLOADING', $7, $8, $9, $10, $11, $12, $12, $13)""")
                .execute(Tuple.from(Arrays.asList(upload.id(), upload.garageId(), upload.jobId(), metadata.targetType(),
                        metadata.targetId(), upload.kind().name(), upload.contentType(), upload.length(),
                        upload.objectKey()))
                        .addUUID(actor.role() == ActorRole.CUSTOMER ? null : upload.createdBy())
                        .addUUID(actor.role() == ActorRole.CUSTOMER ? upload.createdBy() : null)
                        .addValue(at(now)).addString(metadata.filename()))
                .chain(() -> connection.preparedQuery("""
                        insert into media_upload (id, garage_id, created_by, upload_length, multipart_id, fingerprint,
                            status, expires_at, created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, $8)""")
                        .execute(Tuple.from(List.of(upload.id(), upload.garageId(), upload.createdBy(), upload.length(),
                                upload.multipartId(), upload.fingerprint(), at(upload.expiresAt()), at(now)))))
                .chain(() -> audit.record(connection, actor, START, "media", upload.id(), AuditOutcome.SUCCESS,
                        started(upload, metadata), now)));
    }

    private static Map<String, Object> started(UploadRecord upload, UploadMetadata metadata) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (upload.jobId() != null) {
            details.put("jobId", upload.jobId().toString());
        }
        details.put("targetType", metadata.targetType());
        details.put("kind", upload.kind().name());
        details.put("length", upload.length());
        return details;
    }

    /** Takes the upload for one writer, if it stands at the offset and nobody else writes it now. */
    public Uni<Boolean> claim(UUID id, long offset, UUID token, Instant now, Instant until) {
        return pool.preparedQuery("""
                update media_upload set lease_token = $3, lease_until = $5
                where id = $1 and upload_offset = $2 and status = 'OPEN' and (lease_until is null or lease_until < $4)""")
                .execute(Tuple.of(id, offset, token, at(now), at(until)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Records what the writer has stored so far and renews its lease and the upload's expiry. */
    public Uni<Void> progress(UUID id, UUID token, long offset, List<UploadPart> parts, long tailSize, Instant now,
            Instant expiresAt, Instant leaseUntil) {
        JsonArray json = new JsonArray();
        parts.forEach(part -> json.add(new JsonObject().put("number", part.number()).put("etag", part.etag())
                .put("size", part.size())));
        return pool.preparedQuery("""
                update media_upload set upload_offset = $3, parts = $4, tail_size = $5, updated_at = $6, expires_at = $7,
                    lease_until = $8
                where id = $1 and lease_token = $2""")
                .execute(Tuple.from(List.of(id, token, offset, json, tailSize, at(now), at(expiresAt),
                        at(leaseUntil))))
                .replaceWithVoid();
    }

    /** Lets others write the upload again. */
    public Uni<Void> release(UUID id, UUID token) {
        return pool.preparedQuery("update media_upload set lease_token = null, lease_until = null"
                + " where id = $1 and lease_token = $2").execute(Tuple.of(id, token)).replaceWithVoid();
    }

    /** Every byte is in the store as one object; in the caller's transaction, with what must follow. */
    public Uni<Void> complete(SqlConnection transaction, UUID id, UUID token, Instant now) {
        return transaction.preparedQuery("""
                update media_upload set status = 'COMPLETE', lease_token = null, lease_until = null, updated_at = $3
                where id = $1 and lease_token = $2""").execute(Tuple.of(id, token, at(now))).replaceWithVoid();
    }

    /** Removes an unfinished upload and its media row (terminated by the app or expired), audited. */
    public Uni<Void> abandon(Actor actor, UploadRecord upload, String reason, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                "delete from media where id = $1 and status = 'UPLOADING'").execute(Tuple.of(upload.id()))
                .chain(() -> audit.record(connection, actor, ABANDON, "media", upload.id(), AuditOutcome.SUCCESS,
                        Map.of("reason", reason, "offset", upload.offset()), now)));
    }

    /** Unfinished uploads whose time ran out, oldest first. */
    public Uni<List<UploadRecord>> expired(Instant now, int limit) {
        return pool.preparedQuery(SELECT + " where u.status = 'OPEN' and u.expires_at <= $1"
                + " and (u.lease_until is null or u.lease_until < $1) order by u.expires_at limit $2")
                .execute(Tuple.of(at(now), limit))
                .map(rows -> {
                    List<UploadRecord> found = new ArrayList<>();
                    rows.forEach(row -> found.add(record(row)));
                    return found;
                });
    }

    private static UploadRecord record(Row row) {
        List<UploadPart> parts = new ArrayList<>();
        JsonArray json = (JsonArray) row.getValue("parts");
        for (int i = 0; i < json.size(); i++) {
            JsonObject part = json.getJsonObject(i);
            parts.add(new UploadPart(part.getInteger("number"), part.getString("etag"), part.getLong("size")));
        }
        return new UploadRecord(row.getUUID("id"), row.getUUID("garage_id"), row.getUUID("job_id"),
                row.getUUID("created_by"), MediaKind.valueOf(row.getString("kind")), row.getString("content_type"),
                row.getString("object_key"), row.getLong("upload_length"), row.getLong("upload_offset"),
                row.getString("multipart_id"), List.copyOf(parts), row.getLong("tail_size"),
                "COMPLETE".equals(row.getString("status")), row.getOffsetDateTime("expires_at").toInstant(),
                row.getString("fingerprint"));
    }

    private static Object at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
