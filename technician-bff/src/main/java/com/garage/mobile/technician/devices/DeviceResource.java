package com.garage.mobile.technician.devices;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.domain.idempotency.IdempotencyKeys;
import com.garage.mobile.domain.notification.device.DeviceRefreshRequest;
import com.garage.mobile.domain.notification.device.DeviceRegistrationRequest;
import com.garage.mobile.domain.notification.device.DeviceRegistry;
import com.garage.mobile.domain.notification.device.DeviceView;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.platform.web.PageRequest;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.web.BaseVersion;
import com.garage.mobile.platform.web.VersionedResponses;
import com.garage.mobile.platform.security.ratelimit.RateClass;
import com.garage.mobile.platform.security.ratelimit.RateLimited;
import com.garage.mobile.platform.security.stepup.StepUp;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The staff member's phones and browsers that receive push notifications from the technician app. */
@Path(DeviceResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    static final String PATH = "/api/v1/devices";

    private final CurrentActor actor;
    private final DeviceRegistry registry;

    public DeviceResource(CurrentActor actor, DeviceRegistry registry) {
        this.actor = actor;
        this.registry = registry;
    }

    @GET
    @PermissionsAllowed(Capability.OWN_DEVICES_MANAGE)
    public Uni<Page<DeviceView>> list(@Valid @BeanParam PageRequest page) {
        return registry.page(actor.get(), page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_DEVICES_MANAGE)
    @StepUp("register a new device")
    @RateLimited(RateClass.SIGN_IN)
    public Uni<Response> register(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull DeviceRegistrationRequest request) {
        return registry.register(actor.get(), request, idempotencyKey)
                .map(response -> VersionedResponses.created(response, PATH));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_DEVICES_MANAGE)
    public Uni<Response> refreshToken(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DeviceRefreshRequest request) {
        Actor owner = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        return registry.refresh(owner, id, request, baseVersion)
                .map(view -> VersionedResponses.ok(view, view.version()))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> registry.current(owner, id)
                        .map(current -> VersionedResponses.conflict(stale, current,
                                current.version())));
    }

    /** Signs this device out of notifications, as the app does on logout. */
    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Capability.OWN_DEVICES_MANAGE)
    public Uni<Response> unregister(@PathParam("id") UUID id) {
        return registry.unregister(actor.get(), id).map(ignored -> Response.noContent().build());
    }
}
