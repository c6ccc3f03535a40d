package com.garage.mobile.api.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.media.MediaConfig;
import com.garage.mobile.domain.media.UploadLedger;
import com.garage.mobile.domain.media.UploadRecord;
import com.garage.mobile.domain.media.tus.Tus;
import com.garage.mobile.domain.media.tus.UploadChecksum;
import com.garage.mobile.domain.media.tus.UploadHeaders;
import com.garage.mobile.domain.media.tus.UploadMetadata;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.media.TusUploads;
import com.garage.mobile.platform.security.ratelimit.RateClass;
import com.garage.mobile.platform.security.ratelimit.RateLimited;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Resumable uploads of photos, videos and audio notes with tus 1.0.0 (core, creation,
 * creation-with-upload, expiration, checksum, termination), for both apps: what a person may attach
 * media to is the target's rule (customers only to their chat conversations); docs/media.md. Blocking on purpose:
 * chunks stream from the request to the object store on a worker thread.
 */
@Path(UploadResource.PATH)
@Tag(name = "Uploads", description = "Resumable uploads of media (tus 1.0.0)")
public class UploadResource {

    static final String PATH = "/api/v1/uploads";

    private final CurrentActor actor;
    private final TusUploads uploads;
    private final MediaConfig config;

    public UploadResource(CurrentActor actor, TusUploads uploads, MediaConfig config) {
        this.actor = actor;
        this.uploads = uploads;
        this.config = config;
    }

    @OPTIONS
    @PermissionsAllowed(Capability.MEDIA_UPLOAD)
    @Operation(operationId = "describeUploads", summary = "What the upload server supports",
            description = "tus discovery: the protocol versions, extensions, checksum algorithms and the largest"
                    + " upload (`Tus-Max-Size`, the video cap; each kind has its own cap, see docs/media.md).")
    @APIResponse(responseCode = "204", description = "The server's tus capabilities", headers = {
            @Header(name = Tus.TUS_VERSION, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Tus.TUS_EXTENSION, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Tus.TUS_MAX_SIZE, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Tus.TUS_CHECKSUM_ALGORITHM, schema = @Schema(type = SchemaType.STRING))})
    public Response describe() {
        return Response.noContent().header(Tus.RESUMABLE, Tus.VERSION).header(Tus.TUS_VERSION, Tus.VERSION)
                .header(Tus.TUS_EXTENSION, Tus.EXTENSIONS).header(Tus.TUS_MAX_SIZE, config.largestSize())
                .header(Tus.TUS_CHECKSUM_ALGORITHM, Tus.CHECKSUM_ALGORITHMS).build();
    }

    @POST
    // A creation usually has no body, and clients send it with whatever Content-Type their HTTP library adds;
    // only a tus chunk's body is read.
    @Consumes({Tus.CHUNK_TYPE, MediaType.WILDCARD})
    @PermissionsAllowed(Capability.MEDIA_UPLOAD)
    @RateLimited(RateClass.UPLOAD)
    @Operation(operationId = "createUpload", summary = "Begin an upload",
            description = "tus creation: `Upload-Length` (at most the kind's cap, else 413) and `Upload-Metadata`"
                    + " naming `targetType`, `targetId`, `kind`, `contentType`, `clientMediaId` and optionally"
                    + " `filename`. The same `clientMediaId` again answers the same upload, so an app that restarts"
                    + " continues where it stood. A body (`application/offset+octet-stream`) is the first chunk.")
    @APIResponse(responseCode = "201", description = "The upload, at `Location`", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Tus.UPLOAD_OFFSET, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Tus.UPLOAD_EXPIRES, schema = @Schema(type = SchemaType.STRING))})
    public Response create(@HeaderParam(Tus.RESUMABLE) String resumable,
            @HeaderParam(Tus.UPLOAD_LENGTH) String length, @HeaderParam(Tus.UPLOAD_METADATA) String metadata,
            @HeaderParam(Tus.UPLOAD_CHECKSUM) String checksum, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) throws IOException {
        UploadHeaders.requireVersion(resumable);
        Actor creator = actor.get();
        UploadRecord upload = uploads.create(creator, UploadMetadata.parse(metadata), length);
        if (Tus.isChunk(type) && upload.offset() == 0 && contentLength != null && contentLength > 0) {
            upload = uploads.append(upload, "0", UploadChecksum.parse(checksum), contentLength, body);
        }
        return TusHeaders.progress(Response.created(URI.create(PATH + "/" + upload.id())), upload).build();
    }

    @HEAD
    @Path("/{id}")
    @PermissionsAllowed(Capability.MEDIA_UPLOAD)
    @Operation(operationId = "getUploadOffset", summary = "Where an upload stands",
            description = "tus: `Upload-Offset` is the authoritative number of bytes stored; continue from there."
                    + " Only the person who began the upload may ask; an expired one is 410.")
    @APIResponse(responseCode = "200", description = "The upload's offset and length", headers = {
            @Header(name = Tus.UPLOAD_OFFSET, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Tus.UPLOAD_LENGTH, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Tus.UPLOAD_EXPIRES, schema = @Schema(type = SchemaType.STRING))})
    public Response offset(@PathParam("id") UUID id, @HeaderParam(Tus.RESUMABLE) String resumable) {
        UploadRecord upload = uploads.current(actor.get(), id);
        UploadHeaders.requireVersion(resumable);
        return TusHeaders.progress(Response.ok(), upload).header(Tus.UPLOAD_LENGTH, upload.length())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(Tus.CHUNK_TYPE)
    @PermissionsAllowed(Capability.MEDIA_UPLOAD)
    @AuditedAs(action = "media.upload-chunk", resource = "media")
    @Operation(operationId = "appendUploadChunk", summary = "Send a chunk",
            description = "tus: the bytes from `Upload-Offset`, which must be where the upload stands (409"
                    + " otherwise: ask with HEAD). With `Upload-Checksum` (sha256 or sha1) a mismatching chunk is"
                    + " refused with 460 and the offset does not move. Bytes past the upload's length are 413.")
    @APIResponse(responseCode = "204", description = "Stored; the new offset", headers = {
            @Header(name = Tus.UPLOAD_OFFSET, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Tus.UPLOAD_EXPIRES, schema = @Schema(type = SchemaType.STRING))})
    public Response append(@PathParam("id") UUID id, @HeaderParam(Tus.RESUMABLE) String resumable,
            @HeaderParam(Tus.UPLOAD_OFFSET) String offset, @HeaderParam(Tus.UPLOAD_CHECKSUM) String checksum,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) throws IOException {
        UploadRecord upload = uploads.current(actor.get(), id);
        UploadHeaders.requireVersion(resumable);
        UploadRecord after = uploads.append(upload, offset, UploadChecksum.parse(checksum),
                contentLength != null ? contentLength : -1, body);
        return TusHeaders.progress(Response.noContent(), after).build();
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Capability.MEDIA_UPLOAD)
    @AuditedAs(action = UploadLedger.ABANDON, resource = "media")
    @Operation(operationId = "terminateUpload", summary = "Stop an upload",
            description = "tus termination: the bytes stored so far are dropped and the media is gone.")
    @APIResponse(responseCode = "204", description = "Stopped")
    public Response terminate(@PathParam("id") UUID id, @HeaderParam(Tus.RESUMABLE) String resumable) {
        Actor writer = actor.get();
        UploadRecord upload = uploads.current(writer, id);
        UploadHeaders.requireVersion(resumable);
        uploads.terminate(writer, upload);
        return Response.noContent().header(Tus.RESUMABLE, Tus.VERSION).build();
    }

    /** The headers every answer about an upload carries. */
    static final class TusHeaders {

        private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

        private TusHeaders() {
        }

        static Response.ResponseBuilder progress(Response.ResponseBuilder response, UploadRecord upload) {
            response.header(Tus.RESUMABLE, Tus.VERSION).header(Tus.UPLOAD_OFFSET, upload.offset());
            if (!upload.complete() && upload.offset() < upload.length()) {
                response.header(Tus.UPLOAD_EXPIRES, HTTP_DATE.format(upload.expiresAt().atOffset(ZoneOffset.UTC)));
            }
            return response;
        }
    }
}
