package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.sync.ChangeLogReader.Change;
import com.garage.mobile.platform.sync.ChangeLogReader.Position;
import com.garage.mobile.platform.sync.ChangeLogReader.Scoped;
import com.garage.mobile.platform.sync.SyncCursor.Phase;
import com.garage.mobile.platform.sync.SyncTypes.ScopedType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One page of a caller's delta sync. Without a cursor: the whole scope in pages (by type, then
 * id), from a watermark taken at the first page; then the change log from that watermark. With a
 * cursor: the changes after it. A changed record still in scope is sent whole; one that left it
 * (deleted, reassigned, moved to another owner, aged out of the window) as a tombstone.
 */
@ApplicationScoped
public class DeltaSync {

    private final ChangeLogReader log;
    private final SyncConfig config;
    private final GarageClock clock;

    public DeltaSync(ChangeLogReader log, SyncConfig config, GarageClock clock) {
        this.clock = clock;
        this.log = log;
        this.config = config;
    }

    /** The page after {@code cursorText} of the actor's copy, which holds {@code types}. */
    public Uni<SyncBatch> read(Actor actor, List<ScopedType> types, String cursorText, int limit) {
        Instant now = clock.now();
        SyncCursor cursor = SyncCursor.decode(cursorText, now, config.cursorRetention());
        var page = new Request(types,
                new Scoped(actor.garageId(), actor.personId(), now.minus(config.closedJobWindow())), limit, now);
        Uni<Draft> draft = cursor == null
                ? log.watermark(actor.garageId())
                        .chain(mark -> snapshot(page, SyncCursor.snapshot(mark.txid(), mark.seq(), 0, null, now),
                                limit, new ArrayList<>()))
                : cursor.phase() == Phase.SNAPSHOT ? snapshot(page, cursor, limit, new ArrayList<>())
                : changes(page, cursor);
        return draft.chain(done -> checksum(page).map(sum -> new SyncBatch(done.upserts(), done.tombstones(),
                done.next().encode(), done.hasMore(), sum)));
    }

    /** What a page carries, before the checksum. */
    private record Draft(List<SyncRef> upserts, List<SyncRef> tombstones, SyncCursor next, boolean hasMore) {
    }

    private record Request(List<ScopedType> types, Scoped who, int limit, Instant now) {
    }

    private Uni<Draft> snapshot(Request page, SyncCursor at, int room, List<SyncRef> upserts) {
        List<ScopedType> types = page.types();
        if (at.typeIndex() >= types.size()) {
            return Uni.createFrom().item(new Draft(upserts, List.of(),
                    SyncCursor.changes(at.txid(), at.seq(), page.now()), true));
        }
        return log.membersAfter(types.get(at.typeIndex()), page.who(), at.lastId(), room + 1).chain(found -> {
            if (found.size() > room) {
                upserts.addAll(found.subList(0, room));
                UUID last = upserts.get(upserts.size() - 1).id();
                return Uni.createFrom().item(new Draft(upserts, List.of(),
                        SyncCursor.snapshot(at.txid(), at.seq(), at.typeIndex(), room == 0 ? at.lastId() : last,
                                page.now()), true));
            }
            upserts.addAll(found);
            SyncCursor nextType = SyncCursor.snapshot(at.txid(), at.seq(), at.typeIndex() + 1, null, page.now());
            return snapshot(page, nextType, room - found.size(), upserts);
        });
    }

    private Uni<Draft> changes(Request page, SyncCursor at) {
        return log.changesAfter(page.types(), page.who().garageId(), page.who().personId(),
                new Position(at.txid(), at.seq()), page.limit() + 1).chain(rows -> {
                    boolean hasMore = rows.size() > page.limit();
                    List<Change> delivered = hasMore ? rows.subList(0, page.limit()) : rows;
                    Position reached = delivered.isEmpty() ? new Position(at.txid(), at.seq())
                            : delivered.get(delivered.size() - 1).position();
                    SyncCursor next = SyncCursor.changes(reached.txid(), reached.seq(), page.now());
                    return sort(page, changedRecords(delivered), new ArrayList<>(), new ArrayList<>(), 0)
                            .chain(draft -> agedOut(page, at, draft, 0))
                            .map(draft -> new Draft(draft.upserts(), draft.tombstones(), next, hasMore));
                });
    }

    private static Map<String, Set<UUID>> changedRecords(List<Change> changes) {
        Map<String, Set<UUID>> byType = new LinkedHashMap<>();
        changes.forEach(c -> byType.computeIfAbsent(c.type(), e -> new LinkedHashSet<>()).add(c.id()));
        return byType;
    }

    /** Splits the changed records of each scope type into those still in scope and tombstones. */
    private Uni<Draft> sort(Request page, Map<String, Set<UUID>> changed, List<SyncRef> upserts,
            List<SyncRef> tombstones, int typeIndex) {
        List<ScopedType> types = page.types();
        if (typeIndex >= types.size()) {
            return Uni.createFrom().item(new Draft(upserts, tombstones, null, false));
        }
        ScopedType type = types.get(typeIndex);
        Set<UUID> ids = changed.getOrDefault(type.name(), Set.of());
        if (ids.isEmpty()) {
            return sort(page, changed, upserts, tombstones, typeIndex + 1);
        }
        return log.membersAmong(type, page.who(), List.copyOf(ids)).chain(inScope -> {
            upserts.addAll(inScope);
            Set<UUID> kept = new LinkedHashSet<>();
            inScope.forEach(ref -> kept.add(ref.id()));
            ids.stream().filter(id -> !kept.contains(id)).forEach(id -> tombstones.add(new SyncRef(type.name(), id, 0)));
            return sort(page, changed, upserts, tombstones, typeIndex + 1);
        });
    }

    /** Records that were in the window when the previous cursor was issued and have aged out since. */
    private Uni<Draft> agedOut(Request page, SyncCursor at, Draft draft, int typeIndex) {
        List<ScopedType> types = page.types();
        if (typeIndex >= types.size()) {
            return Uni.createFrom().item(draft);
        }
        ScopedType type = types.get(typeIndex);
        if (type.scope().agedOut() == null) {
            return agedOut(page, at, draft, typeIndex + 1);
        }
        Instant previousWindowStart = at.issuedAt().minus(config.closedJobWindow());
        return log.agedOut(type, page.who(), previousWindowStart).chain(gone -> {
            List<SyncRef> tombstones = new ArrayList<>(draft.tombstones());
            gone.stream().filter(ref -> !tombstones.contains(ref)).forEach(tombstones::add);
            return agedOut(page, at, new Draft(draft.upserts(), tombstones, null, false), typeIndex + 1);
        });
    }

    /** The caller's whole scope as the reader may see it now. */
    private Uni<SyncChecksum> checksum(Request page) {
        return log.members(page.types(), page.who()).map(SyncChecksum::of);
    }
}
