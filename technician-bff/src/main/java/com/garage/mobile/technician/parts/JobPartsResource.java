package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.parts.PartUseService;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Parts used on a job: taken from the shelf as PART estimate lines, and unused ones given back. */
@Path("/api/v1/jobs/{id}/parts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parts")
public class JobPartsResource {

    private final CurrentActor actor;
    private final PartUseService parts;
    private final JobEventPublisher stream;

    public JobPartsResource(CurrentActor actor, PartUseService parts, JobEventPublisher stream) {
        this.actor = actor;
        this.parts = parts;
        this.stream = stream;
    }

    @POST
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = PartUseService.USE, resource = "job")
    @Operation(operationId = "useParts", summary = "Log parts used on a job",
            description = "Takes the quantity off the shelf and adds a PART estimate line priced from the catalogue,"
                    + " in one transaction. Not enough on hand: 409 out-of-stock, nothing changed.")
    public Uni<PartLineView> use(@PathParam("id") UUID jobId, @Valid @NotNull UsePartRequest request) {
        return answer(parts.use(actor.get(), jobId, request.lineId(), request.partId(), request.quantity()));
    }

    @POST
    @Path("/returns")
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @AuditedAs(action = PartUseService.RETURN, resource = "job")
    @Operation(operationId = "returnParts", summary = "Give back unused parts",
            description = "Reduces a line taken from the shelf by the quantity (removing it when none is left) and puts"
                    + " the parts back in stock. `baseVersion` is the line's; stale: 409.")
    public Uni<PartLineView> giveBack(@PathParam("id") UUID jobId, @Valid @NotNull ReturnPartRequest request) {
        return answer(parts.giveBack(actor.get(), jobId, request.lineId(), request.quantity(), request.baseVersion()));
    }

    private Uni<PartLineView> answer(Uni<Changed<EstimateLine>> change) {
        return change.call(done -> stream.publish(done.events())).map(done -> PartLineView.of(done.row()));
    }
}
