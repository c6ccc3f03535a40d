package com.garage.mobile.api.devices;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.idempotency.IdempotencyKeys;
import com.garage.mobile.domain.notification.device.DeviceRefreshRequest;
import com.garage.mobile.domain.notification.device.DeviceRegistrationRequest;
import com.garage.mobile.domain.notification.device.DeviceRegistry;
import com.garage.mobile.domain.notification.device.DeviceView;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.ratelimit.RateClass;
import com.garage.mobile.platform.security.ratelimit.RateLimited;
import com.garage.mobile.platform.security.stepup.StepUp;
import com.garage.mobile.platform.web.BaseVersion;
import com.garage.mobile.platform.web.PageRequest;
import com.garage.mobile.platform.web.VersionedResponses;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in person's phones and browsers that receive push notifications from their app, in
 * both apps. A new staff phone is sensitive (it receives the garage's job updates), so the
 * technician app asks for a recent strong sign-in and the sign-in budget; a customer's is not.
 */
@Path(DeviceResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = "The caller's phones and browsers that receive push notifications")
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
    @Operation(operationId = "listDevices", summary = "List my devices",
            description = "The caller's registered push devices, a page at a time (`after`, `limit`).")
    public Uni<Page<DeviceView>> list(@Valid @BeanParam PageRequest page) {
        return registry.page(actor.get(), page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_DEVICES_MANAGE)
    @StepUp(value = "register a new device", onlyFor = AppAudience.STAFF)
    @RateLimited(value = RateClass.SIGN_IN, onlyFor = AppAudience.STAFF)
    @Operation(operationId = "registerDevice", summary = "Register a device for push notifications",
            description = "Registers this phone or browser (its push token or Web Push subscription) and records"
                    + " the operational consent that comes with it; the same token again renews the device. Send an"
                    + " `Idempotency-Key`: a replay returns the first answer. In the technician app this needs a"
                    + " recent strong sign-in and counts against the sign-in rate budget.")
    @APIResponse(responseCode = "201", description = "A new device",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "200", description = "The caller had registered this token already: renewed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeviceView.class)))
    public Uni<Response> register(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull DeviceRegistrationRequest request) {
        return registry.register(actor.get(), request, idempotencyKey)
                .map(response -> VersionedResponses.created(response, PATH));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_DEVICES_MANAGE)
    @Operation(operationId = "refreshDeviceToken", summary = "Replace a device's push token",
            description = "Replaces the push token of one of the caller's devices, based on the version in"
                    + " `If-Match` or `baseVersion`; a stale version gets 409 with the device as it is now.")
    @APIResponseSchema(DeviceView.class)
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

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Capability.OWN_DEVICES_MANAGE)
    @Operation(operationId = "unregisterDevice", summary = "Unregister a device",
            description = "Signs this device out of notifications, as the app does on logout.")
    public Uni<Response> unregister(@PathParam("id") UUID id) {
        return registry.unregister(actor.get(), id).map(ignored -> Response.noContent().build());
    }
}
