package com.garage.mobile.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class JobStatusTest {

    @Test
    void finishedJobsGoNowhere() {
        assertTrue(JobStatus.CLOSED.next().isEmpty());
        assertTrue(JobStatus.CANCELLED.next().isEmpty());
    }

    @Test
    void onlyAReleasedCarCanBeClosed() {
        for (JobStatus status : JobStatus.values()) {
            assertEquals(status == JobStatus.READY_FOR_PICKUP, status.next().contains(JobStatus.CLOSED), status.name());
        }
    }

    @Test
    void techniciansNeverCancelReleaseOrClose() {
        for (JobStatus status : JobStatus.values()) {
            assertFalse(status.nextForTechnician().contains(JobStatus.CANCELLED));
            assertFalse(status.nextForTechnician().contains(JobStatus.READY_FOR_PICKUP));
            assertFalse(status.nextForTechnician().contains(JobStatus.CLOSED));
            assertTrue(status.next().containsAll(status.nextForTechnician()));
        }
    }

    @Test
    void qualityCheckCanSendTheJobBackToTheBay() {
        assertEquals(EnumSet.of(JobStatus.IN_PROGRESS, JobStatus.READY_FOR_PICKUP), JobStatus.QUALITY_CHECK.next());
    }

    @Test
    void everyUnfinishedStatusCanReachClosed() {
        for (JobStatus status : JobStatus.values()) {
            if (status != JobStatus.CANCELLED) {
                assertTrue(reachesClosed(status, EnumSet.noneOf(JobStatus.class)), status.name());
            }
        }
    }

    private static boolean reachesClosed(JobStatus from, EnumSet<JobStatus> seen) {
        if (from == JobStatus.CLOSED) {
            return true;
        }
        seen.add(from);
        return from.next().stream().filter(s -> !seen.contains(s)).anyMatch(s -> reachesClosed(s, seen));
    }
}
