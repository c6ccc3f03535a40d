package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.releases.MinimumVersions;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.posture.PosturePolicy;
import com.garage.mobile.platform.security.stepup.StepUp;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The minimum supported version of an app on a platform, with its grace period and message: the one
 * setting the remote configuration announces and the posture check refuses by.
 */
@Path("/api/v1/admin/minimum-versions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class MinimumVersionResource {

    /** A new minimum, required after {@code graceHours}; the message is shown with the upgrade notice. */
    public record MinimumRequest(@NotNull AppAudience app, @NotNull AppPlatform platform,
            @NotNull @Pattern(regexp = ReleaseRequests.VERSION, message = "must be a dotted version such as 3.2.0")
            String minimumVersion,
            @NotNull @Min(0) @Max(2160) Integer graceHours, @NotNull @Size(max = 500) String message) {
    }

    /** The minimum as set: {@code previousMinimum} holds until {@code requiredFrom}. */
    public record MinimumView(AppAudience app, AppPlatform platform, String minimumVersion, String previousMinimum,
            Instant requiredFrom, String message) {
    }

    private final CurrentActor actor;
    private final MinimumVersions minimums;
    private final PosturePolicy posture;

    public MinimumVersionResource(CurrentActor actor, MinimumVersions minimums, PosturePolicy posture) {
        this.actor = actor;
        this.minimums = minimums;
        this.posture = posture;
    }

    @PUT
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = MinimumVersions.ACTION, resource = "app")
    @Operation(operationId = "setMinimumVersion", summary = "Set the minimum supported version of an app on a platform",
            description = "Builds below it are told to upgrade in `GET /api/v1/app-config` (`minimumVersion`) at once,"
                    + " and refused with 403 `app-upgrade-required` once `graceHours` (0-2160) are over; until then the"
                    + " minimum in force before (set earlier, or `garage.posture.apps.*.minimum-app-version`) holds.")
    public Uni<MinimumView> set(@Valid @NotNull MinimumRequest request) {
        Optional<SoftwareVersion> configured = posture.configuredMinimum();
        return minimums.set(actor.get(), new MinimumVersions.Target(request.app(), request.platform()),
                        SoftwareVersion.parse(request.minimumVersion()), Duration.ofHours(request.graceHours()),
                        request.message(), configured)
                .map(rule -> new MinimumView(request.app(), request.platform(), rule.minimum().toString(),
                        rule.previous() != null ? rule.previous().toString() : null, rule.requiredFrom(),
                        rule.message()));
    }
}
