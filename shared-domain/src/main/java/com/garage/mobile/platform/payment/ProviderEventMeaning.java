package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.payment.ProviderIntent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** What a provider's stored webhook event says of a payment intent; one bean per provider. */
public interface ProviderEventMeaning {

    String provider();

    /** The intent as the event leaves it, or empty for an event that says nothing of a payment. */
    Uni<Optional<ProviderIntent>> intentOf(JsonObject event);
}
