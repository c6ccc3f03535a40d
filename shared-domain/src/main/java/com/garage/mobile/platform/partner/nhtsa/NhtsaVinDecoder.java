package com.garage.mobile.platform.partner.nhtsa;

import com.garage.mobile.domain.partner.recall.VinDecoder;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * VIN decoding through vPIC's {@code DecodeVinValues} ({@code {"Count", "Message", "SearchCriteria",
 * "Results": [{"Make", "Model", "ModelYear", "ErrorCode", …}]}}); a result without a model year
 * decodes to nulls rather than a guess.
 */
@ApplicationScoped
public class NhtsaVinDecoder implements VinDecoder {

    private final NhtsaApi api;

    public NhtsaVinDecoder(NhtsaApi api) {
        this.api = api;
    }

    @Override
    public Uni<DecodedVin> decode(String vin) {
        return api.decodeVinValues(vin).map(NhtsaVinDecoder::read);
    }

    static DecodedVin read(JsonObject answer) {
        if (!(answer.getValue("Results") instanceof JsonArray results) || results.isEmpty()
                || !(results.getValue(0) instanceof JsonObject result)) {
            throw new PartnerAnswerRefused(NhtsaApi.VPIC, "a decode answer without results", true);
        }
        return new DecodedVin(blankToNull(result.getValue("Make")), blankToNull(result.getValue("Model")),
                year(result.getValue("ModelYear")));
    }

    private static String blankToNull(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static Integer year(Object value) {
        try {
            return value instanceof String text && !text.isBlank() ? Integer.valueOf(text) : null;
        } catch (NumberFormatException e) {
            throw new PartnerAnswerRefused(NhtsaApi.VPIC, "a model year that is not a number", true);
        }
    }
}
