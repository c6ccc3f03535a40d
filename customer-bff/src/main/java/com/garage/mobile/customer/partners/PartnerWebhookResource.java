package com.garage.mobile.customer.partners;

import com.garage.mobile.platform.partner.PartnerSignature;
import com.garage.mobile.platform.partner.roadside.RoadsideWebhooks;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Roadside partners' webhooks: no token, a signature over the raw body verified before anything is read. */
@Path("/webhooks/partners/{partner}")
@Tag(name = "Partner webhooks", description = "Events from partners, verified by signature")
public class PartnerWebhookResource {

    private final RoadsideWebhooks webhooks;

    public PartnerWebhookResource(RoadsideWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receivePartnerWebhook", summary = "Receive a roadside partner's event",
            description = "Verifies `Garage-Partner-Signature` (HMAC-SHA256 of `t.rawBody`, 300 s tolerance, any of"
                    + " the partner's secrets), stores the event once by its `eventId` and applies it; a bad or old"
                    + " signature gets 400 and changes nothing, a replay answers `duplicate: true`, a stale update"
                    + " `ignored: true`, garbage 400.")
    public Uni<RoadsideWebhooks.Receipt> receive(@PathParam("partner") String partner,
            @HeaderParam(PartnerSignature.HEADER) String signature, byte[] body) {
        return Uni.createFrom().voidItem()
                .chain(() -> webhooks.receive(partner, signature, body == null ? new byte[0] : body));
    }
}
