package com.garage.mobile.technician.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.sync.SyncPages;
import com.garage.mobile.platform.sync.SyncRecords.Loaded;
import com.garage.mobile.platform.sync.SyncRef;
import com.garage.mobile.platform.sync.SyncRequest;
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
import java.util.Optional;

/**
 * Delta sync of the technician app's offline copy: my jobs (advisors and admins: the garage's
 * jobs and appointments), each job as the job card screen shows it. See docs/sync.md.
 */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final CurrentActor actor;
    private final SyncPages pages;

    public SyncResource(CurrentActor actor, SyncPages pages) {
        this.actor = actor;
        this.pages = pages;
    }

    @GET
    @PermissionsAllowed(Capability.SYNC_READ)
    public Uni<Response> sync(@Valid @BeanParam SyncRequest request) {
        Actor viewer = actor.get();
        return pages.answer(viewer, request, false, (loaded, ref) -> shape(loaded, ref, viewer));
    }

    private static Object shape(Loaded loaded, SyncRef ref, Actor viewer) {
        return switch (ref.entity()) {
            case JOB -> Optional.ofNullable(loaded.jobs().get(ref.id()))
                    .map(job -> JobCardViews.of(job, viewer)).orElse(null);
            case APPOINTMENT -> Optional.ofNullable(loaded.appointments().get(ref.id()))
                    .map(AppointmentSlotView::of).orElse(null);
            case CUSTOMER, VEHICLE -> null;
        };
    }
}
