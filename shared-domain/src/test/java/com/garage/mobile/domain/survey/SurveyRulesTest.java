package com.garage.mobile.domain.survey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyRulesTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void oneNpsInNinetyDays() {
        assertNull(SurveyRules.refusal(SurveyKind.NPS, NOW, null, null));
        assertNotNull(SurveyRules.refusal(SurveyKind.NPS, NOW, NOW.minus(Duration.ofDays(89)), NOW.minus(Duration.ofDays(89))));
        assertNull(SurveyRules.refusal(SurveyKind.NPS, NOW, NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(90))));
    }

    @Test
    void oneSurveyOfAnyKindInAWeek() {
        assertNotNull(SurveyRules.refusal(SurveyKind.CSAT, NOW, null, NOW.minus(Duration.ofDays(6))));
        assertNull(SurveyRules.refusal(SurveyKind.CSAT, NOW, null, NOW.minus(Duration.ofDays(7))));
        // a CSAT last week does not hold back an NPS, an NPS in the quarter holds back only NPS
        assertNull(SurveyRules.refusal(SurveyKind.NPS, NOW, null, NOW.minus(Duration.ofDays(8))));
        assertNull(SurveyRules.refusal(SurveyKind.CSAT, NOW, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30))));
    }

    @Test
    void scoresStayInTheirScale() {
        assertTrue(SurveyKind.NPS.allows(0) && SurveyKind.NPS.allows(10));
        assertFalse(SurveyKind.NPS.allows(11) || SurveyKind.NPS.allows(-1));
        assertTrue(SurveyKind.CSAT.allows(1) && SurveyKind.CSAT.allows(5));
        assertFalse(SurveyKind.CSAT.allows(0) || SurveyKind.CSAT.allows(6));
    }
}
