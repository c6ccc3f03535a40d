package com.garage.mobile.customer.partners;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.partner.PartnerCatalogue;
import com.garage.mobile.domain.partner.PartnerConsents;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's partner marketplace: what is available, on which terms, what data goes, and my consent. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Roadside assistance, manufacturer programmes and recalls, consent to share data")
public class MarketplaceResource {

    private final CurrentActor actor;
    private final PartnerCatalogue catalogue;
    private final PartnerConsents consents;

    public MarketplaceResource(CurrentActor actor, PartnerCatalogue catalogue, PartnerConsents consents) {
        this.actor = actor;
        this.catalogue = catalogue;
        this.consents = consents;
    }

    @GET
    @Path("/partners")
    @PermissionsAllowed(Capability.OWN_PARTNER_SERVICES)
    @Operation(operationId = "listPartners", summary = "List the garage's partners",
            description = "Each partner the garage offers (roadside assistance, recalls), its terms, the data it would"
                    + " receive, and whether I consented to share it.")
    public Uni<List<PartnerView>> list() {
        return catalogue.offered(actor.get()).map(found -> found.stream().map(PartnerView::of).toList());
    }

    @PUT
    @Path("/partner-consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_PARTNER_SERVICES)
    @AuditedAs(action = PartnerConsents.ACTION, resource = "partner")
    @Operation(operationId = "decidePartnerConsent", summary = "Agree or stop sharing my data with a partner",
            description = "Records my decision with the exact terms and data list shown (`{\"partner\": \"roadside-demo\","
                    + " \"granted\": true}`); the"
                    + " same decision again changes nothing. Nothing goes to a partner before I agree.")
    public Uni<PartnerView> decide(@Valid @NotNull ConsentRequest request) {
        return consents.decide(actor.get(), request.partner(), request.granted()).map(PartnerView::of);
    }
}
