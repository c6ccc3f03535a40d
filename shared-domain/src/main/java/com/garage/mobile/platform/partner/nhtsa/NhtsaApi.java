package com.garage.mobile.platform.partner.nhtsa;

import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import com.garage.mobile.platform.partner.PartnerConnectorConfig;
import com.garage.mobile.platform.partner.PartnerHttp;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * NHTSA's two public APIs as partners of the connector shape ({@code nhtsa-vpic}, {@code nhtsa-recalls}):
 * each with its own guard, breaker, bulkhead and metrics through {@link PartnerHttp}. They need no key.
 */
@ApplicationScoped
public class NhtsaApi {

    public static final String VPIC = "nhtsa-vpic";
    public static final String RECALLS = "nhtsa-recalls";

    private final PartnerHttp http;
    private final PartnerConnectorConfig config;

    public NhtsaApi(PartnerHttp http, PartnerConnectorConfig config) {
        this.http = http;
        this.config = config;
    }

    public Uni<JsonObject> decodeVinValues(String vin) {
        if (!vin.matches("^[A-HJ-NPR-Z0-9]{17}$")) {
            return Uni.createFrom().failure(new PartnerAnswerRefused(VPIC, "not a VIN", false));
        }
        return http.call(VPIC, config.recalls().vpicUrl(), HttpMethod.GET,
                "/api/vehicles/DecodeVinValues/" + vin + "?format=json", null);
    }

    public Uni<JsonObject> recallsByVehicle(String make, String model, int modelYear) {
        return http.call(RECALLS, config.recalls().recallsUrl(), HttpMethod.GET, "/recalls/recallsByVehicle?make="
                + encode(make) + "&model=" + encode(model) + "&modelYear=" + modelYear, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
