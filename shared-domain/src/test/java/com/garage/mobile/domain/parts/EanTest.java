package com.garage.mobile.domain.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EanTest {

    @Test
    void realBarcodesPass() {
        assertTrue(Ean.isValid("4006381333931"));
        assertTrue(Ean.isValid("9780306406157"));
        assertTrue(Ean.isValid("73513537"));
        assertTrue(Ean.isValid("96385074"));
    }

    @Test
    void aMisreadDigitOrSwappedPairFails() {
        assertFalse(Ean.isValid("4006381333932"));
        assertFalse(Ean.isValid("4006381339331"));
        assertFalse(Ean.isValid("73513536"));
    }

    @Test
    void otherLengthsAndCharactersAreNoEan() {
        assertFalse(Ean.isValid("400638133393"));
        assertFalse(Ean.isValid("40063813339311"));
        assertFalse(Ean.isValid("4006381333 31"));
        assertFalse(Ean.isValid("BP-7731"));
        assertFalse(Ean.isValid(""));
        assertFalse(Ean.isValid(null));
    }

    @Test
    void checkDigitWeighsFromTheRight() {
        assertEquals(1, Ean.checkDigit("400638133393"));
        assertEquals(7, Ean.checkDigit("7351353"));
    }

    @Test
    void onlyEanShapedCodesCountAsBarcodes() {
        assertTrue(Ean.looksLikeBarcode("4006381333932"));
        assertFalse(Ean.looksLikeBarcode("BP-7731"));
        assertFalse(Ean.looksLikeBarcode("12345"));
    }
}
