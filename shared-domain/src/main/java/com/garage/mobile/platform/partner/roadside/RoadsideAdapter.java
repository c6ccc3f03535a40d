package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.partner.roadside.RoadsideRequest;
import com.garage.mobile.domain.partner.roadside.RoadsideUpdate;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Speaks one roadside partner's API in our canonical terms (docs/partners.md, "adding a partner").
 * Calls go through {@code PartnerHttp}; answers that do not fit are refused as garbage
 * ({@code PartnerAnswerRefused}), never guessed at.
 */
public interface RoadsideAdapter {

    /** The adapter's name in {@code garage.partners.connector."<partner>".adapter}. */
    String name();

    /** Sends the request; answers the partner's reference and what it already said of it. */
    Uni<Dispatched> dispatch(String partner, RoadsideRequest request, VehicleFacts vehicle);

    /** Asks where a request stands (polling, for a partner whose webhooks went missing). */
    Uni<RoadsideUpdate> status(String partner, String reference);

    Uni<Void> cancel(String partner, String reference);

    /** Reads a verified webhook: the partner's reference and the update, or refuses it as garbage. */
    WebhookUpdate read(String partner, JsonObject event);

    /** The partner took the request under {@code reference}; {@code update} is null if it said nothing more. */
    record Dispatched(String reference, RoadsideUpdate update) {
    }

    record WebhookUpdate(String reference, RoadsideUpdate update) {
    }

    /** What the partner is told of the vehicle (shared only with the customer's consent). */
    record VehicleFacts(String vin, String make, String model, Integer year, String plate, String colour) {
    }
}
