package com.garage.mobile.platform.partner.roadside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.partner.roadside.RoadsideStatus;
import com.garage.mobile.domain.partner.roadside.RoadsideUpdate;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Arity's rescue statuses read into ours; a booked rescue needs its ETA to count as accepted; other shapes are garbage. */
class ArityRoadsideTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void statusesMapOntoOursWithTheEtaInMinutesFromWhenWeAsked() {
        assertEquals(new RoadsideUpdate(RoadsideStatus.ACCEPTED, Instant.parse("2026-12-04T10:25:00Z"), null, null, NOW),
                read("BOOKED", "25"));
        assertEquals(RoadsideStatus.REQUESTED, read("BOOKED", "").status(), "booked without an ETA is not accepted yet");
        assertEquals(RoadsideStatus.EN_ROUTE, read("EN-ROUTE", 12).status());
        assertEquals(RoadsideStatus.EN_ROUTE, read("APPROACHING", "3").status());
        assertEquals(RoadsideStatus.ON_SITE, read("ARRIVED_ONSITE", null).status());
        assertEquals(RoadsideStatus.COMPLETED, read("COMPLETED", null).status());
    }

    @Test
    void unknownStatusesOddEtasAndOtherShapesAreGarbageNamingNoValue() {
        PartnerAnswerRefused refused = assertThrows(PartnerAnswerRefused.class, () -> read("CALL +44 7700 900123", null));
        assertTrue(refused.garbage());
        assertFalse(refused.getMessage().contains("7700"));
        assertThrows(PartnerAnswerRefused.class, () -> read("BOOKED", "soon"));
        assertThrows(PartnerAnswerRefused.class, () -> read("BOOKED", -5));
        assertThrows(PartnerAnswerRefused.class, () -> ArityRoadside.update("p", new JsonObject()
                .put("status", "BOOKED"), NOW));
    }

    private static RoadsideUpdate read(String status, Object eta) {
        return ArityRoadside.update("p", new JsonObject().put("serviceRequest", new JsonObject()
                .put("requestId", "AR-1").put("status", status).put("updatedETA", eta)), NOW);
    }
}
