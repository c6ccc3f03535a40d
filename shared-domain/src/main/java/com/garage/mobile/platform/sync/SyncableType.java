package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A kind of record an app keeps in its offline copy, contributed by its feature as a CDI bean.
 * Delta sync lists, follows and checksums every discovered type of its app; nothing else names
 * them. The feature's change-log triggers write its name into {@code sync_change.entity_type}
 * (see docs/sync.md, "Adding a syncable type").
 */
public interface SyncableType {

    /** What the type is called, for which app, and where it comes in a first sync. */
    Declaration declaration();

    /**
     * @param name     the type as apps see it in {@code upserts[].type} and the change log stores it:
     *                 lower-case letters, digits and hyphens; part of every record's checksum share
     *                 ({@code type:id:rev})
     * @param app      the app whose copy holds this type
     * @param position where the type comes in a first sync, lower first; snapshot cursors count types in
     *                 this order, so a new type takes a position after the existing ones
     */
    record Declaration(String name, AppAudience app, int position) {
    }

    /** This actor's share of the type, or empty when their copy holds none of it. */
    Optional<SyncScope> scope(Actor actor);

    /**
     * The records with these ids, each in the form the app shows the viewer, by id; a record deleted
     * since it was listed is absent. Runs inside the page's reactive session, one type after another.
     */
    Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids);
}
