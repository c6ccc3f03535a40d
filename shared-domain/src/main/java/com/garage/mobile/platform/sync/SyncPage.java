package com.garage.mobile.platform.sync;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * A sync page as an app receives it; each syncable type shapes its records for its app's screens.
 *
 * @param checksum the caller's whole scope at {@code cursor}; compare it with the local copy once
 *                 {@code hasMore} is false
 */
// Returned inside a Response (for its Server-Timing header): not registered for native otherwise.
@RegisterForReflection
public record SyncPage(List<Upsert> upserts, List<Tombstone> tombstones, String cursor, boolean hasMore,
        SyncChecksum checksum) {

    /** A record to store or replace whole; keep {@code rev} for the checksum. */
    @RegisterForReflection
    public record Upsert(String type, UUID id, long rev, Object record) {
    }

    /** A record to drop: deleted, or no longer in the caller's scope. */
    @RegisterForReflection
    public record Tombstone(String type, UUID id) {
    }

    /**
     * Shapes a batch; {@code shape} gives null for a record deleted since it was listed, which is
     * then left out (its own tombstone follows in a later page).
     */
    public static SyncPage of(SyncBatch batch, Function<SyncRef, Object> shape) {
        List<Upsert> upserts = new ArrayList<>();
        for (SyncRef ref : batch.upserts()) {
            Object record = shape.apply(ref);
            if (record != null) {
                upserts.add(new Upsert(ref.type(), ref.id(), ref.rev(), record));
            }
        }
        return new SyncPage(upserts,
                batch.tombstones().stream().map(t -> new Tombstone(t.type(), t.id())).toList(),
                batch.cursor(), batch.hasMore(), batch.checksum());
    }

    /**
     * The page with how long the server took ({@code Server-Timing}): reading the change log and
     * scope ({@code log}), loading and shaping the records ({@code records}), and in all ({@code sync}).
     */
    public Response withServerTiming(long startedNanos, long logReadNanos) {
        long now = System.nanoTime();
        return Response.ok(this).header("Server-Timing", String.format(Locale.ROOT,
                "log;dur=%.2f, records;dur=%.2f, sync;dur=%.2f", (logReadNanos - startedNanos) / 1e6,
                (now - logReadNanos) / 1e6, (now - startedNanos) / 1e6)).build();
    }
}
