package com.garage.mobile.technician.partners;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.partner.roadside.InboundTow;
import com.garage.mobile.domain.partner.roadside.RoadsideQueries;
import com.garage.mobile.domain.partner.roadside.RoadsideRequest;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.partner.PartnerConnectorConfig;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Advisors' view of the tows coming to the garage (live on the {@code roadside} topic too). */
@Path("/api/v1/roadside/inbound-tows")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Roadside assistance, manufacturer programmes and recalls")
public class InboundTowsResource {

    /** A tow on its way: whose vehicle, where it stands, when it should arrive, and the job card once opened. */
    public record InboundTowView(UUID requestId, UUID vehicleId, String vehicle, String registrationPlate,
            UUID customerId, String customerName, String partner, String status, Instant etaAt, UUID jobId,
            Instant createdAt) {
        static InboundTowView of(InboundTow tow) {
            RoadsideRequest request = tow.request();
            return new InboundTowView(request.id(), request.vehicleId(), tow.vehicle(), tow.registrationPlate(),
                    request.customerId(), tow.customerName(), request.partner(), request.status().name(),
                    request.etaAt(), request.jobId(), request.createdAt());
        }
    }

    private final CurrentActor actor;
    private final RoadsideQueries queries;
    private final PartnerConnectorConfig config;
    private final GarageClock clock;

    public InboundTowsResource(CurrentActor actor, RoadsideQueries queries, PartnerConnectorConfig config,
            GarageClock clock) {
        this.actor = actor;
        this.queries = queries;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_BOARD_READ)
    @Operation(operationId = "listInboundTows", summary = "List the tows coming to the garage",
            description = "Roadside tows to the garage still on their way, and those ended within the last hours, with"
                    + " the job card a tow opened.")
    public Uni<List<InboundTowView>> list() {
        return queries.inboundTows(actor.get(), clock.now().minus(config.roadside().inboundTowsKeep()))
                .map(found -> found.stream().map(InboundTowView::of).toList());
    }
}
