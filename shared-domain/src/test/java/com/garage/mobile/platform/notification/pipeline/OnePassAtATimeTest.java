package com.garage.mobile.platform.notification.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnePassAtATimeTest {

    private final AtomicInteger followUps = new AtomicInteger();
    private final OnePassAtATime passes = new OnePassAtATime(followUps::incrementAndGet);

    @Test
    void aStartAskedWhileAPassRunsIsRefusedAndFollowsItOnce() {
        assertTrue(passes.start());
        assertFalse(passes.start());
        assertFalse(passes.start());
        assertEquals(0, followUps.get(), "nothing follows before the running pass ends");

        passes.ended();
        assertEquals(1, followUps.get());
    }

    @Test
    void aPassNobodyAskedForMeanwhileEndsWithoutAFollowUp() {
        assertTrue(passes.start());
        passes.ended();

        assertEquals(0, followUps.get());
        assertTrue(passes.start(), "the next start runs");
    }

    @Test
    void eachPassFollowedOnlyByWhatWasAskedDuringIt() {
        assertTrue(passes.start());
        assertFalse(passes.start());
        passes.ended();
        assertTrue(passes.start(), "the follow-up runs");
        passes.ended();

        assertEquals(1, followUps.get());
    }
}
