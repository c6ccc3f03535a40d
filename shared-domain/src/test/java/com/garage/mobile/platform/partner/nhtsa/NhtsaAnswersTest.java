package com.garage.mobile.platform.partner.nhtsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.partner.recall.Recall;
import com.garage.mobile.domain.partner.recall.VinDecoder;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorded NHTSA answers (local/partner-stub/__files) read as NHTSA shapes them; other shapes are refused. */
class NhtsaAnswersTest {

    @Test
    void theRecordedRecallsAnswerReadsCampaignComponentSummaryConsequenceAndRemedy() throws IOException {
        List<Recall> recalls = NhtsaRecalls.read(fixture("recalls-honda-accord-2003.json"));
        assertEquals(1, recalls.size());
        Recall recall = recalls.get(0);
        assertEquals("15V320000", recall.campaignNumber());
        assertTrue(recall.component().startsWith("AIR BAGS"));
        assertTrue(recall.consequence().contains("injure"));
        assertTrue(recall.remedy().contains("free of charge"));
        assertEquals("28/05/2015", recall.reportReceived());
    }

    @Test
    void theRecordedVinDecodeReadsMakeModelAndYear() throws IOException {
        assertEquals(new VinDecoder.DecodedVin("HONDA", "Accord", 2003),
                NhtsaVinDecoder.read(fixture("vpic-decodevinvalues-1HGCM82633A004352.json")));
    }

    @Test
    void answersOfAnotherShapeAreRefusedAsGarbage() {
        assertTrue(assertThrows(PartnerAnswerRefused.class, () -> NhtsaRecalls.read(new JsonObject()
                .put("Count", 1))).garbage());
        assertThrows(PartnerAnswerRefused.class, () -> NhtsaRecalls.read(new JsonObject()
                .put("results", List.of(new JsonObject().put("Component", "x")))));
        assertThrows(PartnerAnswerRefused.class, () -> NhtsaVinDecoder.read(new JsonObject().put("Results", List.of())));
        assertThrows(PartnerAnswerRefused.class, () -> NhtsaVinDecoder.read(new JsonObject()
                .put("Results", List.of(new JsonObject().put("ModelYear", "twenty")))));
    }

    static JsonObject fixture(String name) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("local/partner-stub/__files").resolve(name);
            if (Files.exists(file)) {
                return new JsonObject(Files.readString(file));
            }
        }
        throw new IllegalStateException(name + " not found");
    }
}
