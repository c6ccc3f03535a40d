package com.garage.mobile.customer.jobs;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer's repairs: the list and one repair followed in detail. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Repairs", description = "The customer's repairs, followed in detail")
public class JobResource {

    private final CurrentActor actor;
    private final CachedJobs jobs;

    public JobResource(CurrentActor actor, CachedJobs jobs) {
        this.actor = actor;
        this.jobs = jobs;
    }

    @GET
    @PermissionsAllowed(Capability.OWN_JOBS_READ)
    @Operation(operationId = "listRepairs", summary = "List my repairs",
            description = "The caller's repairs, a page at a time (`after`, `limit`).")
    public Uni<Page<JobSummaryView>> list(@Valid @BeanParam PageRequest page) {
        return jobs.page(actor.get(), page);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Capability.OWN_JOBS_READ)
    @Operation(operationId = "getRepair", summary = "Get one of my repairs",
            description = "One of the caller's repairs: progress, estimate and the notes shared with them.")
    public Uni<CustomerJobView> get(@PathParam("id") UUID id) {
        return jobs.job(actor.get(), id);
    }
}
