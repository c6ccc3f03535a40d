package com.garage.mobile.api.posture;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.posture.AttestationNonce;
import com.garage.mobile.platform.security.posture.AttestationNonces;
import com.garage.mobile.platform.security.posture.PostureExempt;
import com.garage.mobile.platform.security.ratelimit.RateClass;
import com.garage.mobile.platform.security.ratelimit.RateLimited;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hands the app a single-use nonce for the device attestation its next change must carry, in both apps. */
@Path("/api/v1/device-attestation/nonces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Device attestation", description = "Nonces for the device attestation that changes carry in the"
        + " `X-Device-Attestation` header")
public class AttestationNonceResource {

    private final CurrentActor actor;
    private final AttestationNonces nonces;

    public AttestationNonceResource(CurrentActor actor, AttestationNonces nonces) {
        this.actor = actor;
        this.nonces = nonces;
    }

    @POST
    @PostureExempt
    @RateLimited(RateClass.SIGN_IN)
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "issueAttestationNonce", summary = "Get a device attestation nonce",
            description = "A single-use nonce, valid for a short time, for the device attestation (a JWT from the"
                    + " platform's integrity service) that the caller's next change sends in"
                    + " `X-Device-Attestation`. Needs no attestation itself.")
    public Uni<AttestationNonce> issue() {
        return nonces.issue(actor.get());
    }
}
