package com.garage.mobile.domain.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where one resumable upload stands: the bytes stored so far ({@code offset}, the sum of the parts
 * and the tail), the store's multipart upload and parts, and when it expires. {@code jobId} is null
 * for media outside any job (a general conversation's).
 */
public record UploadRecord(UUID id, UUID garageId, UUID jobId, UUID createdBy, MediaKind kind, String contentType,
        String objectKey, long length, long offset, String multipartId, List<UploadPart> parts, long tailSize,
        boolean complete, Instant expiresAt, String fingerprint) {

    /**
     * The object holding the bytes after the last whole part, until the next chunk completes a part;
     * named by where it starts, so a tail written by a request that failed before recording it never
     * replaces the one recorded.
     */
    public String tailKey() {
        return objectKey + ".tail." + (offset - tailSize);
    }

    public long remaining() {
        return length - offset;
    }

    public boolean expired(Instant now) {
        return !complete && !expiresAt.isAfter(now);
    }
}
