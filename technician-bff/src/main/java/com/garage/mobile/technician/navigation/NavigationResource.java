package com.garage.mobile.technician.navigation;

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

/** The technician app's shell: the sections and actions this staff member may use. */
@Path("/api/v1/navigation")
@Produces(MediaType.APPLICATION_JSON)
public class NavigationResource {

    static final List<NavigationSection> MENU = List.of(
            new NavigationSection("my-jobs", "My jobs", "/api/v1/jobs/board", Capability.JOB_BOARD_READ,
                    List.of(Capability.GARAGE_JOBS_READ, Capability.JOB_STATUS_CHANGE,
                            Capability.OFFLINE_JOB_WRITES)),
            new NavigationSection("workshop", "Workshop board", "/api/v1/jobs/board?scope=garage",
                    Capability.GARAGE_BOARD_READ, List.of(Capability.GARAGE_JOBS_READ, Capability.JOB_STATUS_CHANGE,
                            Capability.JOB_ASSIGN, Capability.OFFLINE_JOB_WRITES)),
            new NavigationSection("audit", "Audit trail", "/api/v1/admin/audit/entries", Capability.AUDIT_READ,
                    List.of()),
            new NavigationSection("profile", "Me", "/api/v1/me", Capability.APP_USE, List.of()),
            new NavigationSection("notifications", "Notifications", "/api/v1/notification-preferences",
                    Capability.OWN_NOTIFICATION_PREFERENCES, List.of(Capability.OWN_DEVICES_MANAGE)),
            new NavigationSection("dead-letters", "Undelivered notifications", "/api/v1/admin/notifications/dead-letters",
                    Capability.NOTIFICATION_DEAD_LETTERS, List.of()),
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
