package com.garage.mobile.platform.security.posture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftwareVersionTest {

    @Test
    void partsCompareAsNumbersNotAsText() {
        assertTrue(v("9").isBefore(v("13")));
        assertTrue(v("16.9").isBefore(v("16.10")));
        assertFalse(v("17.4.1").isBefore(v("16.0")));
    }

    @Test
    void missingPartsCountAsZero() {
        assertFalse(v("16").isBefore(v("16.0")));
        assertFalse(v("16.0").isBefore(v("16")));
        assertTrue(v("16").isBefore(v("16.0.1")));
    }

    @Test
    void aPreReleaseRanksBelowItsReleaseAndBuildMetadataDoesNot() {
        assertTrue(v("3.0.0-beta.2").isBefore(v("3.0.0")));
        assertFalse(v("3.0.0").isBefore(v("3.0.0-beta.2")));
        assertFalse(v("3.0.0+build.5").isBefore(v("3.0.0")));
        assertFalse(v("3.0.1-beta.1").isBefore(v("3.0.0")));
    }

    @Test
    void anEqualVersionIsNotBefore() {
        assertFalse(v("3.0.0").isBefore(v("3.0.0")));
    }

    @Test
    void whatIsNotAVersionIsNull() {
        for (String text : new String[] {null, "", "latest", "1..2", "v1.2", "1.2.3.4.5.6.7", "1234567890"}) {
            assertNull(SoftwareVersion.parse(text), String.valueOf(text));
        }
        assertNotNull(SoftwareVersion.parse(" 14 "), "surrounding blanks are ignored");
    }

    private static SoftwareVersion v(String text) {
        return SoftwareVersion.parse(text);
    }
}
