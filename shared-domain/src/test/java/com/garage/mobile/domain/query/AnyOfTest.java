package com.garage.mobile.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnyOfTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void oneValueIsAnEqualityBoundToTheValue() {
        var one = new AnyOf(List.of(first));

        assertEquals("j.id = :jobs", one.on("j.id", ":jobs"));
        assertEquals(first, one.bound());
    }

    @Test
    void severalValuesAreAnInListBoundToThemAll() {
        var several = new AnyOf(List.of(first, second));

        assertEquals("jobId in ?1", several.on("jobId", "?1"));
        assertEquals(List.of(first, second), several.bound());
    }

    @Test
    void valuesAreCopiedWhenMatched() {
        List<UUID> ids = new ArrayList<>(List.of(first));
        var matched = new AnyOf(ids);
        ids.add(second);

        assertEquals("jobId = ?1", matched.on("jobId", "?1"));
        assertEquals(first, matched.bound());
    }

    @Test
    void noValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnyOf(List.of()));
    }
}
