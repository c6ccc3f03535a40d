package com.garage.mobile.technician.recommendations;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.recommendation.JobSuggestionList;
import com.garage.mobile.domain.recommendation.JobSuggestions;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Suggested next steps and checks on a job, each with its reasons and evidence. */
@Path("/api/v1/jobs/{jobId}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Vehicle telemetry and explained recommendations")
public class JobSuggestionResource {

    private final CurrentActor actor;
    private final JobSuggestions suggestions;

    public JobSuggestionResource(CurrentActor actor, JobSuggestions suggestions) {
        this.actor = actor;
        this.suggestions = suggestions;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @Operation(operationId = "listJobSuggestions", summary = "Suggest next steps and checks for a job",
            description = "Up to ten, best first, merged from the rules (checks for the vehicle's trouble codes, services"
                    + " due, declined work, the last inspection's yellow and red items) and the garage's learned model"
                    + " (what its closed jobs with the same codes, concern words and season did). Each names its"
                    + " `source`, a `score` in [0, 1], its `reasons` and `evidence`. A job of another garage is 404.")
    @APIResponseSchema(JobSuggestionList.class)
    public Uni<JobSuggestionList> list(@PathParam("jobId") UUID jobId) {
        return suggestions.forJob(actor.get(), jobId);
    }
}
