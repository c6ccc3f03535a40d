package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.partner.roadside.RoadsideRequest;
import com.garage.mobile.domain.partner.roadside.RoadsideStatus;
import com.garage.mobile.domain.partner.roadside.RoadsideUpdate;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import com.garage.mobile.platform.partner.PartnerHttp;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Our documented generic REST contract for roadside partners (docs/partners.md): {@code POST
 * /v1/assistance-requests}, {@code GET /v1/assistance-requests/{id}}, {@code POST …/{id}/cancel},
 * and signed webhooks {@code {"eventId", "requestId", "status", "etaAt", "responderLocation",
 * "occurredAt"}}. Its status words map one to one onto ours.
 */
@ApplicationScoped
public class GenericRestRoadside implements RoadsideAdapter {

    public static final String NAME = "generic-rest";
    private static final Map<String, RoadsideStatus> STATUSES = Map.of(
            "requested", RoadsideStatus.REQUESTED, "accepted", RoadsideStatus.ACCEPTED,
            "en_route", RoadsideStatus.EN_ROUTE, "on_site", RoadsideStatus.ON_SITE,
            "towing", RoadsideStatus.TOWING, "completed", RoadsideStatus.COMPLETED,
            "cancelled", RoadsideStatus.CANCELLED, "gone_on_arrival", RoadsideStatus.GONE_ON_ARRIVAL,
            "unsuccessful", RoadsideStatus.UNSUCCESSFUL);

    private final PartnerHttp http;

    public GenericRestRoadside(PartnerHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Dispatched> dispatch(String partner, RoadsideRequest request, VehicleFacts vehicle) {
        JsonObject body = new JsonObject()
                .put("reference", request.id().toString())
                .put("service", request.service().name().toLowerCase())
                .put("location", new JsonObject().put("latitude", request.latitude())
                        .put("longitude", request.longitude()).put("address", request.address()))
                .put("vehicle", new JsonObject().put("vin", vehicle.vin()).put("make", vehicle.make())
                        .put("model", vehicle.model()).put("year", vehicle.year()).put("plate", vehicle.plate())
                        .put("colour", vehicle.colour()))
                .put("callbackPhone", request.callbackPhone())
                .put("note", request.note())
                .put("towToGarage", request.towToGarage());
        return http.call(partner, HttpMethod.POST, "/v1/assistance-requests", body)
                .map(answer -> {
                    String reference = text(partner, answer, "id");
                    return new Dispatched(reference, answer.containsKey("status") ? update(partner, answer) : null);
                });
    }

    @Override
    public Uni<RoadsideUpdate> status(String partner, String reference) {
        return http.call(partner, HttpMethod.GET, "/v1/assistance-requests/" + reference, null)
                .map(answer -> update(partner, answer));
    }

    @Override
    public Uni<Void> cancel(String partner, String reference) {
        return http.call(partner, HttpMethod.POST, "/v1/assistance-requests/" + reference + "/cancel",
                new JsonObject()).replaceWithVoid();
    }

    @Override
    public WebhookUpdate read(String partner, JsonObject event) {
        return new WebhookUpdate(text(partner, event, "requestId"), update(partner, event));
    }

    /** Status, ETA, responder's position and time; anything of another shape is garbage. */
    static RoadsideUpdate update(String partner, JsonObject answer) {
        RoadsideStatus status = STATUSES.get(answer.getValue("status") instanceof String s ? s : "");
        if (status == null) {
            throw new PartnerAnswerRefused(partner, "an unknown or missing status", true);
        }
        Double latitude = null;
        Double longitude = null;
        if (answer.getValue("responderLocation") instanceof JsonObject at) {
            if (!(at.getValue("latitude") instanceof Number lat) || !(at.getValue("longitude") instanceof Number lon)
                    || Math.abs(lat.doubleValue()) > 90 || Math.abs(lon.doubleValue()) > 180) {
                throw new PartnerAnswerRefused(partner, "a responder location that is not a position", true);
            }
            latitude = lat.doubleValue();
            longitude = lon.doubleValue();
        }
        Instant occurredAt = instant(partner, answer, "occurredAt");
        if (occurredAt == null) {
            throw new PartnerAnswerRefused(partner, "an update without its time", true);
        }
        return new RoadsideUpdate(status, instant(partner, answer, "etaAt"), latitude, longitude, occurredAt);
    }

    private static Instant instant(String partner, JsonObject answer, String field) {
        Object value = answer.getValue(field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse((String) value);
        } catch (ClassCastException | DateTimeParseException e) {
            throw new PartnerAnswerRefused(partner, "a " + field + " that is not an ISO-8601 instant", true);
        }
    }

    private static String text(String partner, JsonObject answer, String field) {
        if (answer.getValue(field) instanceof String value && !value.isBlank() && value.length() <= 100) {
            return value;
        }
        throw new PartnerAnswerRefused(partner, "no " + field, true);
    }
}
