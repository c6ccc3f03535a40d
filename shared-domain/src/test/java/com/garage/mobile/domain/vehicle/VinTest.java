package com.garage.mobile.domain.vehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VinTest {

    @Test
    void northAmericanVinWithItsCheckDigitIsValid() {
        assertTrue(Vin.isValid("1HGCM82633A004352"));
        assertTrue(Vin.isValid("1hgcm82633a004352"), "case is not significant");
    }

    @Test
    void northAmericanVinWithAWrongCheckDigitIsRefused() {
        assertEquals("has a wrong check digit (position 9)", Vin.problemWith("1HGCM82643A004352").orElseThrow());
    }

    @Test
    void europeanVinNeedsNoCheckDigit() {
        assertTrue(Vin.isValid("WVWZZZ1KZ8W123456"));
    }

    @Test
    void lettersThatLookLikeDigitsAndWrongLengthsAreRefused() {
        assertFalse(Vin.isValid("WVWZZZ1KZ8W12345O"), "O is not allowed");
        assertFalse(Vin.isValid("WVWZZZ1KZ8W1234I6"), "I is not allowed");
        assertFalse(Vin.isValid("WVWZZZ1KZ8W1234"), "too short");
        assertFalse(Vin.isValid(null));
    }

    @Test
    void checkDigitTenIsWrittenX() {
        assertEquals('X', Vin.checkDigit("1M8GDM9AXKP042788"));
    }
}
