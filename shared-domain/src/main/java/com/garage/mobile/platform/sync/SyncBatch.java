package com.garage.mobile.platform.sync;

import java.util.List;

/**
 * One sync page before shaping: the records to send whole (with their revs), the tombstones, the
 * next cursor and the caller's scope checksum at that cursor.
 */
public record SyncBatch(List<SyncRef> upserts, List<SyncRef> tombstones, String cursor, boolean hasMore,
        SyncChecksum checksum) {
}
