package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a sync stands, handed to the app as an opaque token: base64url (no padding) of 43 bytes,
 * version 1: version, phase, issued-at (epoch ms), change-log position (txid, seq), and in the
 * snapshot phase the type index and last id delivered. In the snapshot phase the position is the
 * watermark that the changes phase starts from; in the changes phase it is the last change delivered.
 *
 * @param typeIndex in the snapshot phase, the index of the scope's type being listed
 * @param lastId    in the snapshot phase, the last id delivered of that type (null: none yet)
 */
public record SyncCursor(Phase phase, long txid, long seq, int typeIndex, UUID lastId, Instant issuedAt) {

    private static final byte VERSION = 1;
    private static final int LENGTH = 43;
    private static final UUID NONE = new UUID(0, 0);

    /** Listing the whole scope, or following the change log. */
    public enum Phase {
        SNAPSHOT, CHANGES
    }

    public static SyncCursor snapshot(long txid, long seq, int typeIndex, UUID lastId, Instant now) {
        return new SyncCursor(Phase.SNAPSHOT, txid, seq, typeIndex, lastId, now);
    }

    public static SyncCursor changes(long txid, long seq, Instant now) {
        return new SyncCursor(Phase.CHANGES, txid, seq, 0, null, now);
    }

    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH).put(VERSION).put((byte) phase.ordinal())
                .putLong(issuedAt.toEpochMilli()).putLong(txid).putLong(seq).put((byte) typeIndex);
        UUID id = lastId != null ? lastId : NONE;
        bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /**
     * The cursor an app sent; null or blank means a first sync. One we did not issue, or one older
     * than the retention, is refused with resync-required: never read as "from here on" with a gap.
     */
    public static SyncCursor decode(String text, Instant now, Duration retention) {
        if (text == null || text.isBlank()) {
            return null;
        }
        SyncCursor cursor = parse(text);
        if (cursor == null || cursor.issuedAt.isAfter(now.plusSeconds(60))) {
            throw resync(400, "The sync cursor is not one we issued. Sync again without a cursor.");
        }
        if (cursor.issuedAt.isBefore(now.minus(retention))) {
            throw resync(410, "The sync cursor has expired. Sync again without a cursor.");
        }
        return cursor;
    }

    private static SyncCursor parse(String text) {
        try {
            if (text.length() > 64) {
                return null;
            }
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
            if (bytes.remaining() != LENGTH || bytes.get() != VERSION) {
                return null;
            }
            int phase = bytes.get();
            Instant issuedAt = Instant.ofEpochMilli(bytes.getLong());
            long txid = bytes.getLong();
            long seq = bytes.getLong();
            int typeIndex = bytes.get();
            UUID lastId = new UUID(bytes.getLong(), bytes.getLong());
            if (phase < 0 || phase > 1 || txid < 0 || seq < 0 || typeIndex < 0) {
                return null;
            }
            return new SyncCursor(Phase.values()[phase], txid, seq, typeIndex, NONE.equals(lastId) ? null : lastId,
                    issuedAt);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            return null;
        }
    }

    private static ProblemException resync(int status, String detail) {
        ProblemType type = ProblemType.RESYNC_REQUIRED;
        return new ProblemException(new Problem(type.uri(), type.title(), status, detail, null, null, null, null));
    }
}
