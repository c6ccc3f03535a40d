package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.platform.sync.SyncTypes.ScopedType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** One sync page answered for an app: read, its records loaded and shaped by their types, timed. */
@ApplicationScoped
public class SyncPages {

    private final SyncTypes types;
    private final DeltaSync sync;
    private final SyncRecords records;

    public SyncPages(SyncTypes types, DeltaSync sync, SyncRecords records) {
        this.types = types;
        this.sync = sync;
        this.records = records;
    }

    /** The page after the request's cursor, with its {@code Server-Timing}. */
    public Uni<Response> answer(Actor actor, SyncRequest request) {
        long started = System.nanoTime();
        long[] logRead = new long[1];
        List<ScopedType> scope = types.of(actor);
        return sync.read(actor, scope, request.cursor(), request.limit())
                .invoke(() -> logRead[0] = System.nanoTime())
                .chain(batch -> records.load(actor, scope, batch.upserts())
                        .map(loaded -> SyncPage.of(batch, loaded::get)))
                .map(page -> page.withServerTiming(started, logRead[0]));
    }
}
