package com.garage.mobile.customer.partners;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.partner.roadside.RoadsideQueries;
import com.garage.mobile.domain.partner.roadside.RoadsideRequests;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Roadside help through the garage's partner: ask for it, follow it (also live, topic {@code roadside}), call it off. */
@Path("/api/v1/roadside-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Roadside assistance, manufacturer programmes and recalls, consent to share data")
public class RoadsideResource {

    private final CurrentActor actor;
    private final RoadsideRequests requests;
    private final RoadsideQueries queries;

    public RoadsideResource(CurrentActor actor, RoadsideRequests requests, RoadsideQueries queries) {
        this.actor = actor;
        this.requests = requests;
        this.queries = queries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_PARTNER_SERVICES)
    @AuditedAs(action = RoadsideRequests.REQUEST, resource = "roadside-request")
    @Operation(operationId = "requestRoadsideHelp", summary = "Ask for roadside help",
            description = "A tow, jump start, flat tyre, lockout or fuel, at my location, for my vehicle, with a"
                    + " callback number; a tow may go to the garage, which then opens a job card. Needs my consent"
                    + " to share location and vehicle with the garage's roadside partner (409"
                    + " `partner-consent-required` otherwise). If the partner is down the request is queued and"
                    + " the answer says so (`delayed`). Replaying an `Idempotency-Key` returns the first request.")
    public Uni<RoadsideRequestView> request(
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9_-]{8,100}",
                    message = "must be 8 to 100 letters, digits, '-' or '_'") String idempotencyKey,
            @Valid @NotNull RoadsideRequestBody body) {
        return requests.open(actor.get(), body.draft(), idempotencyKey).map(RoadsideRequestView::of);
    }

    @GET
    @PermissionsAllowed(Capability.OWN_PARTNER_SERVICES)
    @Operation(operationId = "listRoadsideRequests", summary = "List my roadside requests", description = "Newest first, at most 50.")
    public Uni<List<RoadsideRequestView>> list() {
        return queries.mine(actor.get()).map(found -> found.stream().map(RoadsideRequestView::of).toList());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Capability.OWN_PARTNER_SERVICES)
    @Operation(operationId = "getRoadsideRequest", summary = "Get one of my roadside requests",
            description = "Its status, ETA and the responder's position when the partner shares it.")
    public Uni<RoadsideRequestView> get(@PathParam("id") UUID id) {
        return queries.mine(actor.get(), id).map(RoadsideRequestView::of);
    }

    @POST
    @Path("/{id}/cancel")
    @PermissionsAllowed(Capability.OWN_PARTNER_SERVICES)
    @AuditedAs(action = RoadsideRequests.CANCEL, resource = "roadside-request")
    @Operation(operationId = "cancelRoadsideRequest", summary = "Call my roadside request off",
            description = "The partner is told through the outbox. A request that already ended is answered as it is.")
    public Uni<RoadsideRequestView> cancel(@PathParam("id") UUID id) {
        return requests.cancel(actor.get(), id).map(RoadsideRequestView::of);
    }
}
