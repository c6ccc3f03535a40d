package com.garage.mobile.api.sync;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.sync.SyncPages;
import com.garage.mobile.platform.sync.SyncRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Delta sync of the app's offline copy, for both apps: which types the copy holds and in which
 * form is declared by the syncable types the app's features contribute. See docs/sync.md.
 */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync", description = "The app's offline copy: delta sync and queued offline writes")
public class SyncResource {

    private final CurrentActor actor;
    private final SyncPages pages;

    public SyncResource(CurrentActor actor, SyncPages pages) {
        this.actor = actor;
        this.pages = pages;
    }

    @GET
    @PermissionsAllowed(Capability.SYNC_READ)
    @Operation(operationId = "syncOfflineCopy", summary = "Read the changes of my offline copy",
            description = "Without a cursor, the whole scope page by page; with one, the records changed since"
                    + " (upserts, each in the app's form) and those that left the scope (tombstones). The page where"
                    + " hasMore is false carries the checksum of the whole scope; a bad or expired cursor gets"
                    + " urn:garage:problem:resync-required.")
    public Uni<Response> sync(@Valid @BeanParam SyncRequest request) {
        return pages.answer(actor.get(), request);
    }
}
