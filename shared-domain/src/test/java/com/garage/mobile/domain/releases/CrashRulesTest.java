package com.garage.mobile.domain.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrashRulesTest {

    static final String JVM = """
            java.lang.IllegalStateException: job 4711 of customer jane@example.com has no vehicle
            \tat com.garage.app.jobs.JobScreen.render(JobScreen.java:42)
            \tat com.garage.app.jobs.JobScreen$$Lambda$118/0x00000008001c2840.accept(Unknown Source)
            \tat com.garage.app.Main$1.run(Main.java:7)
            Caused by: java.lang.NullPointerException
            \t... 12 more""";

    @Test
    void theSameBugElsewhereInTheCodeOrWithAnotherMessageIsTheSameIssue() {
        String movedLines = JVM.replace("JobScreen.java:42", "JobScreen.java:57").replace("Main.java:7", "Main.java:9")
                .replace("$$Lambda$118/0x00000008001c2840", "$$Lambda$203/0x0000000800a01234")
                .replace("job 4711 of customer jane@example.com", "job 12 of customer bob@example.com");
        assertEquals(StackFingerprint.of("java.lang.IllegalStateException", JVM),
                StackFingerprint.of("java.lang.IllegalStateException", movedLines));
    }

    @Test
    void anotherMethodOrExceptionIsAnotherIssue() {
        String other = JVM.replace("JobScreen.render", "JobScreen.bind");
        assertNotEquals(StackFingerprint.of("java.lang.IllegalStateException", JVM),
                StackFingerprint.of("java.lang.IllegalStateException", other));
        assertNotEquals(StackFingerprint.of("java.lang.IllegalStateException", JVM),
                StackFingerprint.of("java.lang.IllegalArgumentException", JVM));
    }

    @Test
    void framesAreNormalisedAndTheMessageLeftOut() {
        assertEquals(List.of("com.garage.app.jobs.JobScreen.render(JobScreen.java)",
                        "com.garage.app.jobs.JobScreen$.accept(Unknown Source)", "com.garage.app.Main$.run(Main.java)"),
                StackFingerprint.frames(JVM));
        assertEquals("com.garage.app.jobs.JobScreen.render(JobScreen.java)", StackFingerprint.topFrame(JVM));
    }

    @Test
    void iosAndJavaScriptStacksLoseAddressesOffsetsAndLineNumbers() {
        String ios = """
                0   GarageTech   0x0000000104a2c3d8 JobListViewController.reload() + 120
                1   UIKitCore    0x00000001a2b3c4d5 -[UITableView reloadData] + 44""";
        String sameOnAnotherDevice = ios.replace("0x0000000104a2c3d8", "0x0000000102ffe000").replace("+ 120", "+ 124");
        assertEquals(StackFingerprint.of("EXC_BAD_ACCESS", ios), StackFingerprint.of("EXC_BAD_ACCESS", sameOnAnotherDevice));
        assertEquals("GarageTech JobListViewController.reload()", StackFingerprint.topFrame(ios));

        String js = "TypeError: x is undefined\n    at render (https://app.example/app.js:10:5)\n    at main (app.js:3:1)";
        assertEquals(List.of("render (https://app.example/app.js)", "main (app.js)"), StackFingerprint.frames(js));
    }

    @Test
    void onlyTheTopFramesDecide() {
        StringBuilder deep = new StringBuilder("java.lang.StackOverflowError\n");
        for (int i = 0; i < 20; i++) {
            deep.append("\tat com.garage.app.Tree.walk(Tree.java:").append(i).append(")\n");
        }
        assertEquals(StackFingerprint.FRAMES, StackFingerprint.frames(deep.toString()).size());
        assertEquals(64, StackFingerprint.of("java.lang.StackOverflowError", deep.toString()).length());
    }

    @Test
    void aBudgetJudgesOnlyEnoughSessions() {
        CrashBudget budget = new CrashBudget(9950, 500);
        assertEquals(CrashBudget.Verdict.TOO_FEW_SESSIONS, budget.judge(499, 499));
        assertEquals(CrashBudget.Verdict.WITHIN, budget.judge(1000, 5));
        assertEquals(CrashBudget.Verdict.BROKEN, budget.judge(1000, 6));
        assertEquals(CrashBudget.Verdict.WITHIN, budget.judge(500, 2));
        assertEquals(CrashBudget.Verdict.BROKEN, budget.judge(500, 3));
        assertEquals(9940, CrashBudget.crashFreeBp(1000, 6));
        assertEquals(10_000, CrashBudget.crashFreeBp(0, 0));
    }

    @Test
    void aSpikeIsManyEventsAgainstTheDayBefore() {
        SpikeRule rule = new SpikeRule(10, 3);
        assertFalse(rule.isSpike(9, 0), "too few to be a spike");
        assertTrue(rule.isSpike(10, 0));
        // 240 the day before is 10 an hour: 30 in an hour is three times that, 29 is not
        assertTrue(rule.isSpike(30, 240));
        assertFalse(rule.isSpike(29, 240));
    }
}
