package com.garage.mobile.api.media;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.media.Media;
import com.garage.mobile.domain.media.MediaConfig;
import com.garage.mobile.domain.media.MediaReads;
import com.garage.mobile.domain.media.ObjectStore;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A media's signed URLs as JSON, in both apps, for a web page: a link or an image cannot send the bearer token
 * that {@code GET /api/v1/media/{id}} needs before it answers 303, and a script cannot read a 303's target.
 * The same rule as there decides who gets them.
 */
@Path(MediaResource.PATH + "/{id}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media", description = "Photos, videos and audio notes taken in the bay")
public class MediaLinkResource {

    /**
     * @param url          the bytes, signed for a few minutes
     * @param thumbnailUrl the JPEG thumbnail, signed alike; null when the media has none
     * @param expiresAt    when both stop working
     */
    public record MediaLinks(URI url, URI thumbnailUrl, Instant expiresAt) {
    }

    private final CurrentActor actor;
    private final MediaReads reads;
    private final ObjectStore store;
    private final MediaConfig config;
    private final GarageClock clock;

    public MediaLinkResource(CurrentActor actor, MediaReads reads, ObjectStore store, MediaConfig config,
            GarageClock clock) {
        this.actor = actor;
        this.reads = reads;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_JOBS_READ})
    @Operation(operationId = "getMediaLinks", summary = "Get a media's signed URLs",
            description = "What `GET /api/v1/media/{id}` and its thumbnail redirect to, as JSON, for a web page that"
                    + " cannot follow a redirect with its token. Who may: as there; anything else is 404.")
    @APIResponseSchema(MediaLinks.class)
    public Uni<MediaLinks> get(@PathParam("id") UUID id) {
        return reads.visibleTo(actor.get(), id).emitOn(Infrastructure.getDefaultWorkerPool()).map(this::links);
    }

    private MediaLinks links(Media media) {
        Instant expiresAt = clock.now().plus(config.signedUrlTtl());
        URI thumbnail = media.thumbnailKey == null ? null
                : store.signedGet(media.thumbnailKey, "image/jpeg", config.signedUrlTtl());
        return new MediaLinks(store.signedGet(media.objectKey, media.contentType, config.signedUrlTtl()), thumbnail,
                expiresAt);
    }
}
