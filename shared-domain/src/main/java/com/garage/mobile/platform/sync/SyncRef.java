package com.garage.mobile.platform.sync;

import java.util.UUID;

/**
 * One record of a caller's scope at a revision: the highest change-log seq of the record that a
 * reader may see. A tombstone carries no revision (0).
 *
 * @param type the {@link SyncableType#name()} of the record
 */
public record SyncRef(String type, UUID id, long rev) {
}
