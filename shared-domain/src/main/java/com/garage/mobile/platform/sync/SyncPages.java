package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.platform.sync.SyncRecords.Loaded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.BiFunction;

/** One sync page answered for an app: read, its records loaded and shaped by the app, timed. */
@ApplicationScoped
public class SyncPages {

    private final DeltaSync sync;
    private final SyncRecords records;

    public SyncPages(DeltaSync sync, SyncRecords records) {
        this.sync = sync;
        this.records = records;
    }

    /**
     * The page after the request's cursor, each upserted record shaped by {@code shape} (null when
     * the record vanished since the page was read), with its {@code Server-Timing}.
     */
    public Uni<Response> answer(Actor actor, SyncRequest request, boolean customerView,
            BiFunction<Loaded, SyncRef, Object> shape) {
        long started = System.nanoTime();
        long[] logRead = new long[1];
        return sync.read(actor, request.cursor(), request.limit())
                .invoke(() -> logRead[0] = System.nanoTime())
                .chain(batch -> records.load(actor.garageId(), batch.upserts(), customerView)
                        .map(loaded -> SyncPage.of(batch, ref -> shape.apply(loaded, ref))))
                .map(page -> page.withServerTiming(started, logRead[0]));
    }
}
