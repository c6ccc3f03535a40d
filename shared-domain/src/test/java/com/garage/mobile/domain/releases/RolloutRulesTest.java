package com.garage.mobile.domain.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.releases.RolloutProgress.RolloutMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutRulesTest {

    static final UUID RELEASE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID OTHER_RELEASE = UUID.fromString("7d3c1f3e-2f55-4e0a-8d9b-6a1f0c2b3e4d");
    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    /** Golden vectors: the bucketing hash v1 with the release as salt, purpose {@code rollout}, the person as unit (docs/releases.md). */
    @Test
    void bucketsMatchTheGoldenVectors() {
        assertEquals(6190, RolloutBucket.of(RELEASE, UUID.fromString("00000000-0000-0000-0000-000000000000")));
        assertEquals(8983, RolloutBucket.of(RELEASE, UUID.fromString("11111111-1111-1111-1111-111111111111")));
        assertEquals(4723, RolloutBucket.of(RELEASE, UUID.fromString("5f0c6d1e-8a54-4b1e-9a36-2b8f7d4c9e01")));
        assertEquals(5975, RolloutBucket.of(RELEASE, UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff")));
        assertEquals(2639, RolloutBucket.of(OTHER_RELEASE, UUID.fromString("00000000-0000-0000-0000-000000000000")));
        assertEquals(3234, RolloutBucket.of(OTHER_RELEASE, UUID.fromString("5f0c6d1e-8a54-4b1e-9a36-2b8f7d4c9e01")));
    }

    @Test
    void raisingThePercentageOnlyAddsPeopleAndSpreadsThemEvenly() {
        List<UUID> people = IntStream.range(0, 20_000).mapToObj(i -> UUID.nameUUIDFromBytes(("p" + i).getBytes())).toList();
        Set<UUID> atFive = in(people, 500);
        Set<UUID> atTwenty = in(people, 2000);
        assertTrue(atTwenty.containsAll(atFive));
        // 5 % of 20,000 is 1,000; a fair hash lands within a few standard deviations (about 31)
        assertTrue(Math.abs(atFive.size() - 1000) < 150, "5 % took " + atFive.size());
        assertTrue(Math.abs(atTwenty.size() - 4000) < 250, "20 % took " + atTwenty.size());
        assertEquals(people.size(), in(people, 10_000).size());
        assertEquals(0, in(people, 0).size());
    }

    @Test
    void eachReleaseHasItsOwnFirstPercent() {
        List<UUID> people = IntStream.range(0, 5000).mapToObj(i -> UUID.nameUUIDFromBytes(("q" + i).getBytes())).toList();
        Set<UUID> first = people.stream().filter(p -> RolloutBucket.isIn(RELEASE, p, 1000)).collect(Collectors.toSet());
        Set<UUID> second = people.stream().filter(p -> RolloutBucket.isIn(OTHER_RELEASE, p, 1000)).collect(Collectors.toSet());
        first.retainAll(second);
        assertTrue(first.size() < 100, "the two releases' first 10 % overlap in " + first.size() + " of ~500");
    }

    @Test
    void theDefaultScheduleIsTheAppStoresSevenDays() {
        RolloutSchedule schedule = RolloutSchedule.appStore();
        List<Integer> daily = IntStream.range(0, 9).mapToObj(day -> schedule.percentBpAt(Duration.ofDays(day))).toList();
        assertEquals(List.of(100, 200, 500, 1000, 2000, 5000, 10_000, 10_000, 10_000), daily);
        assertEquals(100, schedule.percentBpAt(Duration.ofHours(23).plusMinutes(59)));
        assertEquals(200, schedule.percentBpAt(Duration.ofHours(24)));
    }

    @Test
    void aScheduleMustEndAtEveryone() {
        assertThrows(IllegalArgumentException.class, () -> new RolloutSchedule(List.of(100, 5000), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new RolloutSchedule(List.of(10_000), Duration.ZERO));
    }

    @Test
    void aHaltStopsTheScheduleAndAResumeGoesOnFromThere() {
        RolloutSchedule schedule = RolloutSchedule.appStore();
        RolloutProgress running = new RolloutProgress(Ring.PRODUCTION, RolloutMode.SCHEDULED, null, Duration.ZERO, START);
        Instant dayTwo = START.plus(Duration.ofDays(2)).plus(Duration.ofHours(3));
        assertEquals(500, running.percentBpAt(dayTwo, schedule));

        RolloutProgress halted = running.haltAt(dayTwo);
        assertTrue(halted.halted());
        assertEquals(500, halted.percentBpAt(dayTwo.plus(Duration.ofDays(10)), schedule));

        Instant resumed = dayTwo.plus(Duration.ofDays(10));
        RolloutProgress again = halted.resumeAt(resumed);
        assertEquals(500, again.percentBpAt(resumed, schedule));
        // 2 days 3 hours had run; 21 hours more reach day 3 (10 %)
        assertEquals(1000, again.percentBpAt(resumed.plus(Duration.ofHours(21)), schedule));
        assertEquals(halted, halted.haltAt(resumed), "halting a halted rollout changes nothing");
    }

    @Test
    void aManualRolloutHoldsThePercentageAPersonSet() {
        RolloutProgress manual = new RolloutProgress(Ring.BETA, RolloutMode.MANUAL, 2500, Duration.ZERO, START);
        assertEquals(2500, manual.percentBpAt(START.plus(Duration.ofDays(30)), RolloutSchedule.appStore()));
    }

    @Test
    void anEarlierRingAlsoReceivesWhatLaterRingsGet() {
        assertTrue(Ring.INTERNAL.receives(Ring.BETA));
        assertTrue(Ring.INTERNAL.receives(Ring.PRODUCTION));
        assertTrue(Ring.BETA.receives(Ring.PRODUCTION));
        assertFalse(Ring.BETA.receives(Ring.INTERNAL));
        assertFalse(Ring.PRODUCTION.receives(Ring.BETA));
    }

    private static Set<UUID> in(List<UUID> people, int percentBp) {
        return people.stream().filter(person -> RolloutBucket.isIn(RELEASE, person, percentBp)).collect(Collectors.toSet());
    }
}
