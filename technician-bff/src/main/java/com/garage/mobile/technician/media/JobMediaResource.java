package com.garage.mobile.technician.media;

import com.garage.mobile.api.media.MediaView;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.media.MediaReads;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.media.MediaDeletion;
import com.garage.mobile.platform.security.stepup.StepUp;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A job's photos, videos and audio notes for the garage's staff: list them, delete one. */
@Path("/api/v1/jobs/{jobId}/media")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media", description = "Photos, videos and audio notes taken in the bay")
public class JobMediaResource {

    private final CurrentActor actor;
    private final MediaReads reads;
    private final MediaDeletion deletion;

    public JobMediaResource(CurrentActor actor, MediaReads reads, MediaDeletion deletion) {
        this.actor = actor;
        this.reads = reads;
        this.deletion = deletion;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @Operation(operationId = "listJobMedia", summary = "List a job's media",
            description = "The job's stored photos, videos and audio notes, oldest first, each with where to fetch"
                    + " it and its thumbnail.")
    public Uni<List<MediaView>> list(@PathParam("jobId") UUID jobId) {
        return reads.ofJob(actor.get(), jobId).map(media -> media.stream().map(MediaView::of).toList());
    }

    @DELETE
    @Path("/{mediaId}")
    @PermissionsAllowed(Capability.JOB_STATUS_CHANGE)
    @StepUp("delete a photo or video")
    @AuditedAs(action = MediaDeletion.ACTION, resource = "media", idParam = "mediaId")
    @Operation(operationId = "deleteJobMedia", summary = "Delete a media",
            description = "Needs a recent strong sign-in. The media disappears for everyone at once (it is kept as"
                    + " deleted, with who and when); its bytes are removed from the object store shortly after.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("jobId") UUID jobId, @PathParam("mediaId") UUID mediaId) {
        return deletion.delete(actor.get(), jobId, mediaId).map(ignored -> Response.noContent().build());
    }
}
