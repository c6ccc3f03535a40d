package com.garage.mobile.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
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
    void versionsSortAsTheyRankAndEqualOnesAreEqualWhateverTheirSpelling() {
        List<SoftwareVersion> sorted = Stream.of("3.0.0", "2.10", "3.0.0-beta.2", "2.9.1", "10")
                .map(SoftwareVersion::parse).sorted().toList();
        assertEquals(List.of("2.9.1", "2.10", "3.0.0-beta.2", "3.0.0", "10"),
                sorted.stream().map(SoftwareVersion::toString).toList());
        assertEquals(v("16"), v("16.0.0"));
        assertEquals(v("16").hashCode(), v("16.0.0").hashCode());
        assertEquals(v("3.0.0"), v("3.0.0+build.7"));
        assertNotEquals(v("3.0.0"), v("3.0.0-rc.1"));
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
