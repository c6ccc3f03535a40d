package com.garage.mobile.technician.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.CurrentActor;
import com.garage.mobile.domain.sync.DeltaSync;
import com.garage.mobile.domain.sync.SyncPage;
import com.garage.mobile.domain.sync.SyncRecords;
import com.garage.mobile.domain.sync.SyncRequest;
import com.garage.mobile.technician.jobs.JobCardViews;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Delta sync of the technician app's offline copy: my jobs (advisors and admins: the garage's
 * jobs and appointments), each job as the job card screen shows it. See docs/sync.md.
 */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final CurrentActor actor;
    private final DeltaSync sync;
    private final SyncRecords records;

    public SyncResource(CurrentActor actor, DeltaSync sync, SyncRecords records) {
        this.actor = actor;
        this.sync = sync;
        this.records = records;
    }

    @GET
    @PermissionsAllowed(Capability.SYNC_READ)
    public Uni<Response> sync(@Valid @BeanParam SyncRequest request) {
        long started = System.nanoTime();
        long[] logRead = new long[1];
        Actor viewer = actor.get();
        return sync.read(viewer, request.cursor(), request.limit())
                .invoke(() -> logRead[0] = System.nanoTime())
                .chain(batch -> records.load(viewer.garageId(), batch.upserts(), false)
                        .map(loaded -> SyncPage.of(batch, ref -> switch (ref.entity()) {
                            case JOB -> {
                                var detail = loaded.jobs().get(ref.id());
                                yield detail != null ? JobCardViews.of(detail, viewer) : null;
                            }
                            case APPOINTMENT -> {
                                var appointment = loaded.appointments().get(ref.id());
                                yield appointment != null ? AppointmentSlotView.of(appointment) : null;
                            }
                            default -> null;
                        })))
                .map(page -> page.withServerTiming(started, logRead[0]));
    }
}
