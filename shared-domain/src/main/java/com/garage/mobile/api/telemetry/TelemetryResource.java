package com.garage.mobile.api.telemetry;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.telemetry.TelemetryQueries;
import com.garage.mobile.domain.telemetry.TelemetryReceipt;
import com.garage.mobile.domain.telemetry.TelemetryReport;
import com.garage.mobile.domain.telemetry.TelemetryService;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A vehicle's odometer readings and trouble codes, in both apps: the customer's dongle, the technician's check-in. */
@Path("/api/v1/vehicles/{vehicleId}/telemetry")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Vehicle telemetry and explained recommendations")
public class TelemetryResource {

    private final CurrentActor actor;
    private final TelemetryService telemetry;
    private final TelemetryQueries queries;
    private final TelemetryFollowUp followUp;

    public TelemetryResource(CurrentActor actor, TelemetryService telemetry, TelemetryQueries queries,
            TelemetryFollowUp followUp) {
        this.actor = actor;
        this.telemetry = telemetry;
        this.queries = queries;
        this.followUp = followUp;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.TELEMETRY_REPORT)
    @AuditedAs(action = TelemetryService.ACTION, resource = "vehicle", idParam = "vehicleId")
    @Operation(operationId = "reportTelemetry", summary = "Report an odometer reading and trouble codes",
            description = "`odometerKm` (with `readAt`, default now) and/or `codes` in the SAE form (`P0301`). A reading"
                    + " below the one before it by more than the tolerance (`garage.telemetry.odometer-tolerance-km`) is"
                    + " refused (400 naming `odometerKm`); one equal to or just below it is a `DUPLICATE` and stores"
                    + " nothing; a code sent again counts as seen once more. Staff may name the `jobId` of the check-in."
                    + " The vehicle's recommendations are refreshed afterwards. A customer reports on their own vehicles,"
                    + " staff on their garage's; any other vehicle is 404.")
    @APIResponseSchema(TelemetryReceipt.class)
    public Uni<TelemetryReceipt> report(@PathParam("vehicleId") UUID vehicleId, @NotNull TelemetryReport report) {
        Actor reporter = actor.get();
        return telemetry.record(reporter, vehicleId, report)
                .call(receipt -> followUp.refresh(reporter, vehicleId));
    }

    @GET
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_VEHICLES_READ})
    @Operation(operationId = "getTelemetry", summary = "Get a vehicle's telemetry and daily mileage",
            description = "Its odometer readings (newest first), trouble codes with how often each was seen, and the"
                    + " daily mileage estimated from the readings, with what the estimate rests on.")
    @APIResponseSchema(TelemetryView.class)
    public Uni<TelemetryView> get(@PathParam("vehicleId") UUID vehicleId) {
        return queries.of(actor.get(), vehicleId).map(TelemetryView::of);
    }
}
