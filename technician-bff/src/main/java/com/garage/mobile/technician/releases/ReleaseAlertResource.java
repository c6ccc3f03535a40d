package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.releases.ReleaseAlerts;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The release admins' alert feed: new crash issues, regressions, spikes and automatic halts, with their figures. */
@Path("/api/v1/admin/release-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class ReleaseAlertResource {

    private final ReleaseAlerts alerts;

    public ReleaseAlertResource(ReleaseAlerts alerts) {
        this.alerts = alerts;
    }

    @GET
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @Operation(operationId = "listReleaseAlerts", summary = "List release alerts",
            description = "Newest first (paged). `kind` is NEW_ISSUE, REGRESSION, SPIKE or ROLLOUT_HALTED; `summary`"
                    + " says what happened in words, `figures` with numbers (for a halt: sessions, crashed sessions,"
                    + " people, crash-free shares, the budget and the percentage it stopped at).")
    public Uni<Page<ReleaseAlerts.Alert>> list(@Valid @BeanParam PageRequest page) {
        return alerts.newest(page.cursor(), page.limit()).map(found -> Page.of(found, page.limit(),
                alert -> new PageCursor(alert.raisedAt(), alert.id()), alert -> alert));
    }
}
