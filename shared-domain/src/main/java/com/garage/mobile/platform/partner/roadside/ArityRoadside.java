package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.partner.roadside.RoadsideRequest;
import com.garage.mobile.domain.partner.roadside.RoadsideService;
import com.garage.mobile.domain.partner.roadside.RoadsideStatus;
import com.garage.mobile.domain.partner.roadside.RoadsideUpdate;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import com.garage.mobile.platform.partner.PartnerConnectorConfig;
import com.garage.mobile.platform.partner.PartnerHttp;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A roadside partner on the shapes Arity (Allstate Roadside) publishes for its rescue API
 * (docs/partners.md, "Adapters"): a session per rescue ({@code POST /rescue/session} with our app id and
 * the VIN), one create call per kind of help ({@code /rescue/tow}, {@code tire}, {@code lockout},
 * {@code gas}, {@code battery}), the rescue polled at {@code GET /rescue/reqId/{id}?sessionId=} with
 * statuses {@code BOOKED}, {@code EN-ROUTE}, {@code APPROACHING}, {@code ARRIVED_ONSITE},
 * {@code COMPLETED}, and {@code POST /rescue/reqId/{id}/cancel}. It sends no webhooks. Our reference
 * is the request id and the session id, which every later call needs.
 */
@ApplicationScoped
public class ArityRoadside implements RoadsideAdapter {

    public static final String NAME = "arity-roadside";
    private static final Map<RoadsideService, String> CREATE = Map.of(RoadsideService.TOW, "tow",
            RoadsideService.FLAT_TYRE, "tire", RoadsideService.LOCKOUT, "lockout", RoadsideService.FUEL, "gas",
            RoadsideService.JUMP_START, "battery");
    private static final Map<String, RoadsideStatus> STATUSES = Map.of("BOOKED", RoadsideStatus.ACCEPTED,
            "EN-ROUTE", RoadsideStatus.EN_ROUTE, "APPROACHING", RoadsideStatus.EN_ROUTE,
            "ARRIVED_ONSITE", RoadsideStatus.ON_SITE, "COMPLETED", RoadsideStatus.COMPLETED);
    private static final String SEPARATOR = "~";

    private final PartnerHttp http;
    private final PartnerConnectorConfig config;
    private final GarageClock clock;

    public ArityRoadside(PartnerHttp http, PartnerConnectorConfig config, GarageClock clock) {
        this.http = http;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Dispatched> dispatch(String partner, RoadsideRequest request, VehicleFacts vehicle) {
        String appId = config.connector().get(partner).appId().orElseThrow(() -> new PartnerAnswerRefused(partner,
                "no app id configured (garage.partners.connector." + partner + ".app-id)", false));
        JsonObject session = new JsonObject().put("appId", appId).put("benefits", new JsonArray()
                .add(new JsonObject().put("key", "vin").put("value", vehicle.vin())));
        return http.call(partner, HttpMethod.POST, "/rescue/session", session)
                .map(answer -> text(partner, answer, "sessionId"))
                .chain(sessionId -> http.call(partner, HttpMethod.POST, "/rescue/" + CREATE.get(request.service()),
                                rescue(sessionId, request, vehicle))
                        .map(answer -> new Dispatched(text(partner, answer, "requestId") + SEPARATOR + sessionId,
                                null)));
    }

    @Override
    public Uni<RoadsideUpdate> status(String partner, String reference) {
        String[] ids = ids(partner, reference);
        return http.call(partner, HttpMethod.GET, "/rescue/reqId/" + ids[0] + "?sessionId="
                        + URLEncoder.encode(ids[1], StandardCharsets.UTF_8), null)
                .map(answer -> update(partner, answer, clock.now()));
    }

    @Override
    public Uni<Void> cancel(String partner, String reference) {
        String[] ids = ids(partner, reference);
        return http.call(partner, HttpMethod.POST, "/rescue/reqId/" + ids[0] + "/cancel",
                        new JsonObject().put("sessionId", ids[1]).put("reason", "Service not needed"))
                .map(answer -> {
                    if (!"OK".equals(answer.getValue("status"))) {
                        throw new PartnerAnswerRefused(partner, "did not confirm the cancellation", false);
                    }
                    return answer;
                })
                .replaceWithVoid();
    }

    @Override
    public WebhookUpdate read(String partner, JsonObject event) {
        throw new PartnerAnswerRefused(partner, "sends no webhooks (its rescues are polled)", true);
    }

    /**
     * A polled rescue in our terms. Arity's answer has no time of the change, so it is when we asked; a
     * booked rescue without an ETA yet is still only requested (our accepted needs one). The ETA is read
     * from {@code updatedETA}, minutes from now, the name Arity's status tool uses: the field is not
     * named on the status answer's public page.
     */
    static RoadsideUpdate update(String partner, JsonObject answer, Instant now) {
        if (!(answer.getValue("serviceRequest") instanceof JsonObject rescue)) {
            throw new PartnerAnswerRefused(partner, "no serviceRequest", true);
        }
        RoadsideStatus status = STATUSES.get(rescue.getValue("status") instanceof String s ? s : "");
        if (status == null) {
            throw new PartnerAnswerRefused(partner, "an unknown or missing status", true);
        }
        Instant eta = minutesFrom(partner, rescue.getValue("updatedETA"), now);
        if (status == RoadsideStatus.ACCEPTED && eta == null) {
            status = RoadsideStatus.REQUESTED;
        }
        return new RoadsideUpdate(status, eta, null, null, now);
    }

    private static Instant minutesFrom(String partner, Object minutes, Instant now) {
        if (minutes == null || "".equals(minutes)) {
            return null;
        }
        try {
            long value = minutes instanceof Number n ? n.longValue() : Long.parseLong((String) minutes);
            if (value >= 0 && value <= 24 * 60) {
                return now.plus(Duration.ofMinutes(value));
            }
        } catch (ClassCastException | NumberFormatException e) {
            // refused below, without the value
        }
        throw new PartnerAnswerRefused(partner, "an ETA that is not a number of minutes within a day", true);
    }

    /**
     * The create call's body. Its field names are ours: Arity's public pages list what a rescue needs
     * (the disabled vehicle's location, the service, the vehicle, a contact) without naming the fields,
     * so these are to be checked against the full reference under a partner agreement.
     */
    private static JsonObject rescue(String sessionId, RoadsideRequest request, VehicleFacts vehicle) {
        return new JsonObject().put("sessionId", sessionId).put("referenceId", request.id().toString())
                .put("disablementLocation", new JsonObject().put("latitude", request.latitude())
                        .put("longitude", request.longitude()).put("address", request.address()))
                .put("vehicle", new JsonObject().put("vin", vehicle.vin()).put("make", vehicle.make())
                        .put("model", vehicle.model()).put("year", vehicle.year()).put("color", vehicle.colour()))
                .put("contactPhone", request.callbackPhone()).put("comments", request.note())
                .put("towToDealership", request.towToGarage());
    }

    private static String[] ids(String partner, String reference) {
        String[] ids = reference == null ? new String[0] : reference.split(SEPARATOR, -1);
        if (ids.length != 2 || ids[0].isBlank() || ids[1].isBlank()) {
            throw new PartnerAnswerRefused(partner, "a reference that is not a request and session id", false);
        }
        return ids;
    }

    private static String text(String partner, JsonObject answer, String field) {
        // Both ids go into paths and our reference: letters, digits, '-' and '_' only.
        if (answer.getValue(field) instanceof String value && value.matches("[A-Za-z0-9_-]{1,48}")) {
            return value;
        }
        throw new PartnerAnswerRefused(partner, "no " + field, true);
    }
}
