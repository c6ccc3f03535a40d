package com.garage.mobile.customer.navigation;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.domain.access.Navigation;
import com.garage.mobile.domain.access.NavigationSection;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The customer app's shell: the sections this customer may use. */
@Path("/api/v1/navigation")
@Produces(MediaType.APPLICATION_JSON)
public class NavigationResource {

    static final List<NavigationSection> MENU = List.of(
            new NavigationSection("my-jobs", "My repairs", "/api/v1/jobs", Capability.OWN_JOBS_READ,
                    List.of(Capability.ESTIMATE_DECIDE)),
            new NavigationSection("appointments", "Appointments", "/api/v1/appointments",
                    Capability.OWN_APPOINTMENTS_READ, List.of(Capability.OFFLINE_OWN_WRITES)),
            new NavigationSection("vehicles", "My vehicles", "/api/v1/vehicles", Capability.OWN_VEHICLES_READ,
                    List.of()),
            new NavigationSection("profile", "Profile", "/api/v1/profile", Capability.PROFILE_READ,
                    List.of(Capability.OFFLINE_OWN_WRITES)),
            new NavigationSection("notifications", "Notifications", "/api/v1/notification-preferences",
                    Capability.OWN_NOTIFICATION_PREFERENCES, List.of(Capability.OWN_DEVICES_MANAGE)),
            new NavigationSection("sync", "Offline copy", "/api/v1/sync", Capability.SYNC_READ, List.of()));

    private final CurrentActor actor;

    public NavigationResource(CurrentActor actor) {
        this.actor = actor;
    }

    @GET
    @NonBlocking
    @PermissionsAllowed(Capability.APP_USE)
    public Navigation navigation() {
        return Navigation.of(actor.get(), MENU);
    }
}
