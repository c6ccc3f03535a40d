package com.garage.mobile.platform.partner.roadside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.partner.roadside.RoadsideStatus;
import com.garage.mobile.domain.partner.roadside.RoadsideUpdate;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The generic REST contract's words read into ours; anything else is garbage, and its message holds no value from the answer. */
class GenericRestRoadsideTest {

    @Test
    void aWebhookReadsStatusEtaPositionAndTime() {
        RoadsideUpdate update = GenericRestRoadside.update("p", new JsonObject().put("status", "en_route")
                .put("etaAt", "2026-12-04T10:20:00Z").put("occurredAt", "2026-12-04T10:00:00Z")
                .put("responderLocation", new JsonObject().put("latitude", 51.5).put("longitude", -0.12)));
        assertEquals(new RoadsideUpdate(RoadsideStatus.EN_ROUTE, Instant.parse("2026-12-04T10:20:00Z"), 51.5, -0.12,
                Instant.parse("2026-12-04T10:00:00Z")), update);
    }

    @Test
    void unknownStatusesBadPositionsAndMissingTimesAreGarbage() {
        JsonObject secret = new JsonObject().put("status", "teleported +44 7700 900123").put("occurredAt", "now");
        PartnerAnswerRefused refused = assertThrows(PartnerAnswerRefused.class, () -> GenericRestRoadside.update("p",
                secret));
        assertTrue(refused.garbage());
        assertTrue(!refused.getMessage().contains("7700"));
        assertThrows(PartnerAnswerRefused.class, () -> GenericRestRoadside.update("p", new JsonObject()
                .put("status", "on_site").put("occurredAt", "2026-12-04T10:00:00Z")
                .put("responderLocation", new JsonObject().put("latitude", 123).put("longitude", 0))));
        assertThrows(PartnerAnswerRefused.class, () -> GenericRestRoadside.update("p", new JsonObject()
                .put("status", "on_site")));
        assertThrows(PartnerAnswerRefused.class, () -> GenericRestRoadside.update("p", new JsonObject()
                .put("status", "on_site").put("occurredAt", 12)));
    }
}
