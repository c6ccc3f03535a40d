package com.garage.mobile.platform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncChecksumTest {

    private static final SyncRef JOB = new SyncRef("job",
            UUID.fromString("00000000-0000-0000-0000-000000000001"), 42);
    private static final SyncRef VEHICLE = new SyncRef("vehicle",
            UUID.fromString("00000000-0000-0000-0000-000000000002"), 7);

    @Test
    void matchesTheValuesInTheProtocolDocument() {
        // Computed independently (Python hashlib) as docs/sync.md describes.
        assertEquals(new SyncChecksum(1, "6e20a190eab8a150"), SyncChecksum.of(List.of(JOB)));
        assertEquals(new SyncChecksum(2, "2446760438f1af6f"), SyncChecksum.of(List.of(JOB, VEHICLE)));
    }

    @Test
    void orderDoesNotMatterAndAnEmptyScopeIsZero() {
        assertEquals(SyncChecksum.of(List.of(JOB, VEHICLE)), SyncChecksum.of(List.of(VEHICLE, JOB)));
        assertEquals(new SyncChecksum(0, "0000000000000000"), SyncChecksum.of(List.of()));
    }
}
