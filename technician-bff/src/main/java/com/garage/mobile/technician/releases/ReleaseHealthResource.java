package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.releases.HealthFigures;
import com.garage.mobile.domain.releases.ReleaseHealth;
import com.garage.mobile.domain.releases.ReleaseRegistry;
import com.garage.mobile.domain.releases.Ring;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A release's health: crash-free sessions and users per ring with their sample sizes, and its crash issues. */
@Path("/api/v1/admin/releases/{id}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class ReleaseHealthResource {

    /** One ring's figures; shares in basis points (99.5 % = 9950). */
    public record RingHealth(Ring ring, long sessions, long crashedSessions, int crashFreeSessionsBp, long users,
            long crashedUsers, int crashFreeUsersBp) {

        static RingHealth of(HealthFigures figures) {
            return new RingHealth(figures.ring(), figures.sessions(), figures.crashedSessions(),
                    figures.crashFreeSessionsBp(), figures.users(), figures.crashedUsers(), figures.crashFreeUsersBp());
        }
    }

    /** The release's health. */
    public record HealthView(UUID releaseId, int budgetCrashFreeBp, int budgetMinSessions, List<RingHealth> rings,
            List<ReleaseHealth.IssueCount> issues) {
    }

    private final ReleaseRegistry registry;
    private final ReleaseHealth health;

    public ReleaseHealthResource(ReleaseRegistry registry, ReleaseHealth health) {
        this.registry = registry;
        this.health = health;
    }

    @GET
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @Operation(operationId = "getReleaseHealth", summary = "A release's crash-free figures and crash issues",
            description = "Per ring: sessions and people reported (the sample sizes), how many crashed, the crash-free"
                    + " shares; the release's crash issues with their events and people affected, most first.")
    public Uni<HealthView> health(@PathParam("id") UUID id) {
        return registry.find(id).chain(release -> health.figures(id)
                .chain(figures -> health.issues(id).map(issues -> new HealthView(id, release.budget().crashFreeBp(),
                        release.budget().minSessions(), figures.stream().map(RingHealth::of).toList(), issues))));
    }
}
