package com.garage.mobile.platform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncCursorTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void snapshotAndChangesCursorsSurviveTheRoundTrip() {
        SyncCursor snapshot = SyncCursor.snapshot(812, 40_001, 1, UUID.randomUUID(), now);
        SyncCursor changes = SyncCursor.changes(913, 50_002, now);

        assertEquals(snapshot, SyncCursor.decode(snapshot.encode(), now, RETENTION));
        assertEquals(changes, SyncCursor.decode(changes.encode(), now, RETENTION));
        assertNull(SyncCursor.decode(null, now, RETENTION));
        assertNull(SyncCursor.decode(" ", now, RETENTION));
    }

    @Test
    void anythingWeDidNotIssueIsA400AskingForAResync() {
        byte[] wrongVersion = Base64.getUrlDecoder().decode(SyncCursor.changes(1, 1, now).encode());
        wrongVersion[0] = 9;
        for (String bad : new String[] {"garbage", "AAAA", "x".repeat(100),
                Base64.getUrlEncoder().withoutPadding().encodeToString(wrongVersion),
                SyncCursor.changes(1, 1, now.plus(Duration.ofDays(1))).encode()}) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> SyncCursor.decode(bad, now, RETENTION), bad);
            assertEquals(ProblemType.RESYNC_REQUIRED.uri(), refused.problem().type());
            assertEquals(400, refused.problem().status());
        }
    }

    @Test
    void aCursorOlderThanTheRetentionIsGone() {
        String old = SyncCursor.changes(1, 1, now.minus(RETENTION).minusSeconds(1)).encode();

        ProblemException refused = assertThrows(ProblemException.class, () -> SyncCursor.decode(old, now, RETENTION));
        assertEquals(ProblemType.RESYNC_REQUIRED.uri(), refused.problem().type());
        assertEquals(410, refused.problem().status());
    }
}
