package com.garage.mobile.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

    @Test
    void cursorSurvivesTheRoundTrip() {
        AuditCursor cursor = new AuditCursor(9_007_199_254_740_993L);
        assertEquals(cursor, AuditCursor.decode(cursor.encode()));
    }

    @Test
    void noCursorMeansTheNewestPage() {
        assertNull(AuditCursor.decode(null));
        assertNull(AuditCursor.decode(" "));
    }

    @Test
    void foreignCursorsAreRefusedNotReadAsTheStart() {
        String pageCursorShape = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("p1|42".getBytes(StandardCharsets.UTF_8));
        String notANumber = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("a1|forty-two".getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[] {"%%%", "bm90LWEtY3Vyc29y", pageCursorShape, notANumber}) {
            ProblemException e = assertThrows(ProblemException.class, () -> AuditCursor.decode(bad));
            assertEquals(ProblemType.INVALID_CURSOR.uri(), e.problem().type(), bad);
        }
    }
}
