package com.garage.mobile.technician.sync;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.sync.ChangeLogPruning;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change log forgets what no usable cursor can read, and an app's copy cannot tell. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ChangeLogPruningTest {

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    @Inject
    ChangeLogPruning pruning;

    Rows rows;
    MovableClock clock;
    Person tom;
    UUID busyJob;
    UUID quietJob;
    List<Long> busyChanges;
    List<Long> quietChanges;

    @BeforeEach
    void jobsWithAHistory() {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        Person alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID car = garage.vehicle(carl);
        busyJob = garage.job(carl, car).assignedTo(tom).step("Inspect").create();
        quietJob = garage.job(carl, car).assignedTo(tom).create();
        Workshop workshop = new Workshop(statuses, assignments);
        workshop.change(tom, busyJob, JobStatus.IN_PROGRESS);
        workshop.change(tom, busyJob, JobStatus.QUALITY_CHECK);
        workshop.change(alice, busyJob, JobStatus.READY_FOR_PICKUP);
        busyChanges = changesOf(busyJob);
        quietChanges = changesOf(quietJob);
        assertTrue(busyChanges.size() >= 4, busyChanges.toString());
    }

    @Test
    void aMonthLaterEachRecordKeepsOnlyItsLatestChangeAndTheAppsCopyIsUnchanged() {
        SyncReplica before = new SyncReplica(TOKENS.of(tom)).catchUp(50);

        clock.moveTo(Instant.now().plus(Duration.ofDays(32)));
        // The pod's own pruning, which runs once as it starts, may come first: the rows are what counts.
        pruning.prune().await().indefinitely();

        assertEquals(List.of(busyChanges.getLast()), changesOf(busyJob));
        assertEquals(List.of(quietChanges.getLast()), changesOf(quietJob));
        SyncReplica after = new SyncReplica(TOKENS.of(tom)).catchUp(50);
        assertEquals(before.records, after.records);
        assertEquals(before.revs, after.revs);
        assertEquals(before.checksum, after.checksum);
        after.assertChecksumMatches();
    }

    @Test
    void changesACursorCouldStillReadAreKept() {
        clock.moveTo(Instant.now().plus(Duration.ofDays(30)));

        pruning.prune().await().indefinitely();

        assertEquals(busyChanges, changesOf(busyJob));
        assertEquals(quietChanges, changesOf(quietJob));
    }

    private List<Long> changesOf(UUID job) {
        return rows.query("select seq from sync_change where entity_type = 'job' and entity_id = ? order by seq", job)
                .stream().map(row -> (Long) row.get("seq")).toList();
    }
}
