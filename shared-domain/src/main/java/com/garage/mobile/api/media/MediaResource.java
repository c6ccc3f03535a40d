package com.garage.mobile.api.media;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.media.Media;
import com.garage.mobile.domain.media.MediaConfig;
import com.garage.mobile.domain.media.MediaReads;
import com.garage.mobile.domain.media.ObjectStore;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A photo's, video's or audio note's bytes, in both apps: 303 to a short-lived signed URL of the
 * object store. Staff reach their garage's media; a customer only the media of their own jobs that
 * the media's target shows them (a published inspection item, a step), never internal ones.
 */
@Path(MediaResource.PATH + "/{id}")
@Tag(name = "Media", description = "Photos, videos and audio notes taken in the bay")
public class MediaResource {

    static final String PATH = "/api/v1/media";

    private final CurrentActor actor;
    private final MediaReads reads;
    private final ObjectStore store;
    private final MediaConfig config;

    public MediaResource(CurrentActor actor, MediaReads reads, ObjectStore store, MediaConfig config) {
        this.actor = actor;
        this.reads = reads;
        this.store = store;
        this.config = config;
    }

    @GET
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_JOBS_READ})
    @Operation(operationId = "getMedia", summary = "Fetch a media's bytes",
            description = "Answers 303 with a signed URL of the object store, valid for a few minutes"
                    + " (`garage.media.signed-url-ttl`). Staff fetch their garage's media; a customer only media of"
                    + " their own jobs that they may see. Anything else is 404.")
    @APIResponse(responseCode = "303", description = "Fetch the bytes from `Location`",
            headers = @Header(name = "Location", description = "A short-lived signed URL",
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return redirect(id, media -> media.objectKey);
    }

    @GET
    @Path("/thumbnail")
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_JOBS_READ})
    @Operation(operationId = "getMediaThumbnail", summary = "Fetch a photo's thumbnail",
            description = "Like fetching the media, for its JPEG thumbnail (photos in JPEG or PNG); 404 when it has"
                    + " none.")
    @APIResponse(responseCode = "303", description = "Fetch the thumbnail from `Location`",
            headers = @Header(name = "Location", description = "A short-lived signed URL",
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> thumbnail(@PathParam("id") UUID id) {
        return redirect(id, media -> media.thumbnailKey);
    }

    private Uni<Response> redirect(UUID id, Function<Media, String> key) {
        return reads.visibleTo(actor.get(), id)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(media -> {
                    String objectKey = key.apply(media);
                    if (objectKey == null) {
                        throw ProblemException.notFound("Thumbnail");
                    }
                    String type = objectKey.equals(media.objectKey) ? media.contentType : "image/jpeg";
                    return Response.seeOther(store.signedGet(objectKey, type, config.signedUrlTtl())).build();
                });
    }
}
