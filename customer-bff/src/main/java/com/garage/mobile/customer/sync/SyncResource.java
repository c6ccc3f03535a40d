package com.garage.mobile.customer.sync;

import com.garage.mobile.customer.appointments.AppointmentView;
import com.garage.mobile.customer.jobs.CustomerJobViews;
import com.garage.mobile.customer.profile.ProfileView;
import com.garage.mobile.customer.vehicles.VehicleView;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.sync.SyncPages;
import com.garage.mobile.platform.sync.SyncRecords.Loaded;
import com.garage.mobile.platform.sync.SyncRef;
import com.garage.mobile.platform.sync.SyncRequest;
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
 * Delta sync of the customer app's offline copy: my profile, vehicles, appointments and repairs,
 * each in the form its screen shows (no internal notes, no cost prices). See docs/sync.md.
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
        return pages.answer(actor.get(), request, true, SyncResource::shape);
    }

    private static Object shape(Loaded loaded, SyncRef ref) {
        return switch (ref.entity()) {
            case CUSTOMER -> Optional.ofNullable(loaded.customers().get(ref.id())).map(ProfileView::of).orElse(null);
            case VEHICLE -> Optional.ofNullable(loaded.vehicles().get(ref.id())).map(VehicleView::of).orElse(null);
            case APPOINTMENT -> Optional.ofNullable(loaded.appointments().get(ref.id())).map(AppointmentView::of)
                    .orElse(null);
            case JOB -> Optional.ofNullable(loaded.jobs().get(ref.id())).map(CustomerJobViews::of).orElse(null);
        };
    }
}
