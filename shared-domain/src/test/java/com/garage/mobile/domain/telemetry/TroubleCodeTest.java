package com.garage.mobile.domain.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TroubleCodeTest {

    @Test
    void saeCodesOfEverySystemAreAcceptedAndNormalized() {
        assertEquals("P0301", TroubleCode.parse(" p0301 ").orElseThrow().code());
        assertEquals("chassis", TroubleCode.parse("C0035").orElseThrow().system());
        assertEquals("body", TroubleCode.parse("B1A2F").orElseThrow().system());
        assertEquals("vehicle network", TroubleCode.parse("U0100").orElseThrow().system());
        assertEquals("engine and transmission", TroubleCode.parse("P2AF0").orElseThrow().system());
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"X0301", "P4301", "P030", "P03011", "P03G1", "", "0301P", "P 301"}) {
            assertEquals(Optional.empty(), TroubleCode.parse(bad), bad);
        }
        assertEquals(Optional.empty(), TroubleCode.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new TroubleCode("p0301"));
    }

    @Test
    void genericCodesAreThoseOfGroupsZeroAndTwo() {
        assertTrue(new TroubleCode("P0420").generic());
        assertTrue(new TroubleCode("P2096").generic());
        assertFalse(new TroubleCode("P1234").generic());
        assertFalse(new TroubleCode("P3400").generic());
    }
}
