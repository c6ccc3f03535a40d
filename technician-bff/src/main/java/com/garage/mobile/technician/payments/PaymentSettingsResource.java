package com.garage.mobile.technician.payments;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.payment.PaymentSettingsService;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.BaseVersion;
import com.garage.mobile.platform.web.VersionedResponses;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's payment settings: whether it asks a deposit once work is approved, and how much. */
@Path("/api/v1/payment-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Deposits, invoices and pay-by-link for the garage's staff")
public class PaymentSettingsResource {

    private final CurrentActor actor;
    private final PaymentSettingsService settings;

    public PaymentSettingsResource(CurrentActor actor, PaymentSettingsService settings) {
        this.actor = actor;
        this.settings = settings;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_PAYMENTS)
    @Operation(operationId = "getPaymentSettings", summary = "Get the garage's payment settings",
            description = "The deposit the garage asks once work is approved: none, a percentage or a fixed amount,"
                    + " with the settings' version as the `ETag`.")
    @APIResponseSchema(PaymentSettingsView.class)
    public Uni<Response> get() {
        return view(actor.get()).map(view -> VersionedResponses.ok(view, view.version()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.GARAGE_PAYMENTS)
    @AuditedAs(action = PaymentSettingsService.ACTION, resource = "garage")
    @Operation(operationId = "changePaymentSettings", summary = "Change the garage's payment settings",
            description = "Sets the deposit rule (advisors and admins), based on the version in `If-Match` or"
                    + " `baseVersion`: a percentage needs `depositPercentBp` (1-10000), a fixed amount"
                    + " `depositFixedMinor`. Deposits already asked keep their amount. A stale version gets 409 with"
                    + " the settings as they are now.")
    @APIResponseSchema(PaymentSettingsView.class)
    public Uni<Response> change(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PaymentSettingsRequest request) {
        Actor staff = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        return settings.change(staff, request.depositRule(),
                        request.depositPercentBp() != null ? request.depositPercentBp() : 0,
                        request.depositFixedMinor() != null ? request.depositFixedMinor() : 0, baseVersion)
                .map(PaymentSettingsView::of)
                .map(view -> VersionedResponses.ok(view, view.version()))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> view(staff)
                        .map(current -> VersionedResponses.conflict(stale, current, current.version())));
    }

    private Uni<PaymentSettingsView> view(Actor staff) {
        return settings.read(staff).map(PaymentSettingsView::of);
    }
}
