package com.garage.mobile.domain.garage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContrastRuleTest {

    @Test
    void ratiosMatchTheWcagReferenceValues() {
        assertEquals(21.0, ContrastRule.ratio("#000000", "#ffffff"), 0.001);
        assertEquals(1.0, ContrastRule.ratio("#777777", "#777777"), 0.001);
        assertEquals(4.48, ContrastRule.ratio("#777777", "#ffffff"), 0.01);
        assertEquals(ContrastRule.ratio("#1f5fbf", "#ffffff"), ContrastRule.ratio("#ffffff", "#1f5fbf"), 1e-12);
    }

    @Test
    void aReadableColourIsKeptAsTheGarageChoseIt() {
        assertEquals("#1f5fbf", ContrastRule.readableOn("#1f5fbf", "#ffffff", ContrastRule.AA_NORMAL_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = { "#ffcc00", "#777777", "#ffffff", "#00ff00", "#ff69b4" })
    void aTooLightColourIsDarkenedOnlyUntilItReachesAaOnWhite(String chosen) {
        String shaded = ContrastRule.readableOn(chosen, Branding.LIGHT_SURFACE, ContrastRule.AA_NORMAL_TEXT);
        assertTrue(ContrastRule.ratio(shaded, Branding.LIGHT_SURFACE) >= 4.5, shaded);
        assertTrue(ContrastRule.ratio(shaded, Branding.LIGHT_SURFACE) < 5.2, "no darker than needed: " + shaded);
    }

    @ParameterizedTest
    @ValueSource(strings = { "#1f5fbf", "#000000", "#8b0000", "#123456" })
    void aTooDarkColourIsLightenedForTheDarkTheme(String chosen) {
        String shaded = ContrastRule.readableOn(chosen, Branding.DARK_SURFACE, ContrastRule.AA_NORMAL_TEXT);
        assertTrue(ContrastRule.ratio(shaded, Branding.DARK_SURFACE) >= 4.5, shaded);
    }

    @Test
    void brandingFallsBackToTheDesignSystemsColourAndShadesEachTheme() {
        Garage garage = new Garage();
        garage.name = "Northside Auto Care";
        Branding plain = Branding.of(garage);
        assertEquals(Branding.DEFAULT_PRIMARY, plain.chosenPrimary());
        assertEquals(Branding.DEFAULT_PRIMARY, plain.primaryLight());

        garage.brandPrimaryColour = "#FFCC00";
        Branding yellow = Branding.of(garage);
        assertEquals("#ffcc00", yellow.chosenPrimary());
        assertEquals("#ffcc00", yellow.primaryDark(), "yellow reads well on the dark surface as it is");
        assertTrue(ContrastRule.ratio(yellow.primaryLight(), Branding.LIGHT_SURFACE) >= 4.5);
    }

    @Test
    void somethingElseThanAColourIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ContrastRule.ratio("red", "#ffffff"));
        assertThrows(IllegalArgumentException.class, () -> ContrastRule.luminance("#12345"));
    }
}
