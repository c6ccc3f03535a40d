package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.parts.PartCatalogue;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's parts catalogue: search by text, look up a scanned barcode or part number. */
@Path("/api/v1/parts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parts", description = "The parts catalogue, parts used on jobs, returns and requests for missing parts")
public class PartsResource {

    private final CurrentActor actor;
    private final PartCatalogue catalogue;

    public PartsResource(CurrentActor actor, PartCatalogue catalogue) {
        this.actor = actor;
        this.catalogue = catalogue;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @WithSession
    @Operation(operationId = "searchParts", summary = "Search the parts catalogue",
            description = "Parts whose number, description or barcode contain `q` (any case), by part number, a page"
                    + " at a time (`after`, `limit`). Cost prices for advisors and admins only.")
    public Uni<Page<PartView>> search(@QueryParam("q") @NotNull @Size(min = 1, max = 100) String text,
            @Valid @BeanParam PageRequest page) {
        Actor viewer = actor.get();
        String after = page.after() != null ? afterNumber(page.after()) : null;
        return catalogue.search(viewer.garageId(), text, after, page.limit())
                .map(rows -> Page.encodedBy(rows, page.limit(), part -> Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(part.partNumber.getBytes(StandardCharsets.UTF_8)), part -> PartView.of(part, viewer)));
    }

    private static String afterNumber(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.invalidField("query.after", "must be a cursor returned by a previous page");
        }
    }

    @GET
    @Path("/lookup")
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @WithSession
    @Operation(operationId = "lookUpPart", summary = "Look up a scanned code",
            description = "The part with this EAN-13/EAN-8 barcode (check digit verified: a misread is 400) or, for any"
                    + " other code, this part number in any case. None: 404.")
    public Uni<PartView> lookup(@QueryParam("code") @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,59}",
            message = "must be a barcode or a part number") String code) {
        Actor viewer = actor.get();
        return catalogue.lookup(viewer.garageId(), code).map(part -> PartView.of(part, viewer));
    }
}
