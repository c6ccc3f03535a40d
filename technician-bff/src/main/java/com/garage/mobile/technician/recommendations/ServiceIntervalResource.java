package com.garage.mobile.technician.recommendations;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.recommendation.ServiceInterval;
import com.garage.mobile.domain.recommendation.ServiceIntervals;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's service intervals by distance and time, which due-service recommendations follow. */
@Path("/api/v1/service-intervals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Vehicle telemetry and explained recommendations")
public class ServiceIntervalResource {

    private final CurrentActor actor;
    private final ServiceIntervals intervals;

    public ServiceIntervalResource(CurrentActor actor, ServiceIntervals intervals) {
        this.actor = actor;
        this.intervals = intervals;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @Operation(operationId = "listServiceIntervals", summary = "List the garage's service intervals",
            description = "The garage's own table, or the built-in defaults until it saves one.")
    @APIResponseSchema(ServiceInterval[].class)
    public Uni<List<ServiceInterval>> list() {
        return intervals.of(actor.get().garageId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.RECOMMENDATIONS_MANAGE)
    @AuditedAs(action = ServiceIntervals.ACTION, resource = "service-interval")
    @Operation(operationId = "saveServiceInterval", summary = "Create or replace a service interval",
            description = "The interval named by `code`: every `distanceKm` (100-500,000) or `months` (1-240), whichever comes first, and the"
                    + " `matchTerms` that mark it done in a closed job's steps or approved lines. The first save copies"
                    + " the defaults into the garage's table. Answers the whole table.")
    @APIResponseSchema(ServiceInterval[].class)
    public Uni<List<ServiceInterval>> save(@Valid @NotNull IntervalRequest request) {
        return intervals.save(actor.get(), new ServiceInterval(request.code(), request.name(), request.distanceKm(),
                request.months(), request.matchTerms()));
    }
}
