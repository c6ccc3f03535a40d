package com.garage.mobile.domain.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void cursorSurvivesTheRoundTrip() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T10:15:30.123456Z"), UUID.randomUUID());
        assertEquals(cursor, PageCursor.decode(cursor.encode()));
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertNull(PageCursor.decode(null));
        assertNull(PageCursor.decode(""));
    }

    @Test
    void foreignCursorsAreRefusedNotReadAsTheStart() {
        for (String bad : new String[] {"%%%", "bm90LWEtY3Vyc29y", "cDF8eXxe"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageCursor.decode(bad));
            assertEquals(ProblemType.INVALID_CURSOR.uri(), e.problem().type());
        }
    }
}
