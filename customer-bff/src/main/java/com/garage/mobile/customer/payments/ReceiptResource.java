package com.garage.mobile.customer.payments;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.payment.PaymentRepository;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customer's receipts: their payments, newest first.
 */
@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "The invoice of approved work, deposits, balances and receipts")
public class ReceiptResource {

    private final CurrentActor actor;
    private final PaymentRepository payments;

    public ReceiptResource(CurrentActor actor, PaymentRepository payments) {
        this.actor = actor;
        this.payments = payments;
    }

    @GET
    @WithSession
    @PermissionsAllowed(Capability.OWN_PAYMENTS)
    @Operation(operationId = "listPayments", summary = "List my payments and receipts",
            description = "The caller's payments, newest first, a page at a time (`after`, `limit`): receipts of"
                    + " what was paid or is held, and payments still in flight.")
    public Uni<Page<PaymentView>> list(@Valid @BeanParam PageRequest page) {
        Actor me = actor.get();
        return payments.pageOfCustomer(me.garageId(), me.personId(), page.cursor(), page.limit())
                .map(rows -> Page.of(rows, page.limit(), p -> new PageCursor(p.createdAt, p.id),
                        PaymentView::receipt));
    }
}
