package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.releases.Release;
import com.garage.mobile.domain.releases.ReleaseRegistry;
import com.garage.mobile.domain.releases.ReleaseRollouts;
import com.garage.mobile.domain.releases.ReleasesConfig;
import com.garage.mobile.domain.releases.Rollout;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.stepup.StepUp;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Release admin: the registry of both apps' releases and their staged rollouts per ring. */
@Path("/api/v1/admin/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class ReleaseAdminResource {

    private final CurrentActor actor;
    private final ReleaseRegistry registry;
    private final ReleaseRollouts rollouts;
    private final GarageClock clock;
    private final ReleasesConfig config;

    public ReleaseAdminResource(CurrentActor actor, ReleaseRegistry registry, ReleaseRollouts rollouts,
            GarageClock clock, ReleasesConfig config) {
        this.actor = actor;
        this.registry = registry;
        this.rollouts = rollouts;
        this.clock = clock;
        this.config = config;
    }

    @GET
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @Operation(operationId = "listReleases", summary = "List both apps' releases",
            description = "Newest first (paged: `after`, `limit`), each with its crash budget and its rollouts: the"
                    + " percentage now, the step of a scheduled one, and why and by whom a halted one was halted.")
    public Uni<Page<ReleaseView>> list(@Valid @BeanParam PageRequest page) {
        return registry.newest(page.cursor(), page.limit())
                .chain(found -> Multi.createFrom().iterable(found).onItem().transformToUniAndConcatenate(this::view)
                        .collect().asList()
                        .map(views -> Page.of(views, page.limit(), view -> new PageCursor(view.createdAt(), view.id()),
                                view -> view)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = ReleaseRegistry.REGISTER, resource = "release")
    @Operation(operationId = "registerRelease", summary = "Register a release",
            description = "A build of one app (STAFF: the technician app, CUSTOMER: the customer app) on one platform,"
                    + " with its store status, notes, minimum OS and crash budget (default 99.5 % crash-free sessions"
                    + " over 500). The same app, platform and version twice is 409 `release-exists`.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class)))
    public Uni<Response> register(@Valid @NotNull ReleaseRequests.Register request) {
        return registry.register(actor.get(), request.draft()).chain(this::view)
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @PUT
    @Path("/{id}/store-status")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = ReleaseRegistry.STORE_STATUS, resource = "release", idParam = "id")
    @Operation(operationId = "changeReleaseStoreStatus", summary = "Record where the release stands in its store",
            description = "Only an AVAILABLE release is offered to anyone; WITHDRAWN takes it from everyone. Based on"
                    + " `baseVersion` (the release's `versionNo`); a stale one is 409.")
    public Uni<ReleaseView> storeStatus(@PathParam("id") UUID id,
            @Valid @NotNull ReleaseRequests.StoreStatusChange request) {
        return registry.changeStoreStatus(actor.get(), id, request.storeStatus(), request.baseVersion())
                .chain(this::view);
    }

    @POST
    @Path("/{id}/rollouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = ReleaseRollouts.START, resource = "release", idParam = "id")
    @Operation(operationId = "rollOutRelease", summary = "Start or raise a release's rollout to a ring",
            description = "Without `percentBp` the rollout follows the schedule (default the App Store's 1, 2, 5, 10,"
                    + " 20, 50, 100 % a day); with it (basis points, 100 = 1 %) it is manual and only goes up. A"
                    + " scheduled rollout started already, a halted one, or a lower percentage is 409.")
    public Uni<RolloutView> roll(@PathParam("id") UUID id, @Valid @NotNull ReleaseRequests.Roll request) {
        return rollouts.roll(actor.get(), id, request.ring(), request.percentBp()).map(this::view);
    }

    @POST
    @Path("/{id}/rollouts/halt")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = ReleaseRollouts.HALT, resource = "release", idParam = "id")
    @Operation(operationId = "haltRollout", summary = "Halt a release's rollout to a ring",
            description = "The percentage stays where it is: people already in keep the offer, no one else gets it,"
                    + " until a person resumes it. Halting a halted rollout changes nothing.")
    public Uni<RolloutView> halt(@PathParam("id") UUID id, @Valid @NotNull ReleaseRequests.Halt request) {
        Actor admin = actor.get();
        return rollouts.halt(admin, id, request.ring(), request.reason()).map(this::view);
    }

    @POST
    @Path("/{id}/rollouts/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = ReleaseRollouts.RESUME, resource = "release", idParam = "id")
    @Operation(operationId = "resumeRollout", summary = "Resume a halted rollout",
            description = "Goes on from where it was halted, with the same people in; a rollout that is not halted is 409.")
    public Uni<RolloutView> resume(@PathParam("id") UUID id, @Valid @NotNull ReleaseRequests.Resume request) {
        return rollouts.resume(actor.get(), id, request.ring()).map(this::view);
    }

    private Uni<ReleaseView> view(Release release) {
        Instant now = clock.now();
        return rollouts.of(release.id()).map(found -> ReleaseView.of(release,
                found.stream().map(rollout -> RolloutView.of(rollout, now, config.schedule())).toList()));
    }

    private RolloutView view(Rollout rollout) {
        return RolloutView.of(rollout, clock.now(), config.schedule());
    }
}
