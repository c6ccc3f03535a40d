package com.garage.mobile.technician.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.notification.dispatch.PushNotificationHandler;
import com.garage.mobile.platform.outbox.FinishedWorkSweep;
import com.garage.mobile.technician.notifications.PushProviderStubs;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Rows;
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
import org.junit.jupiter.api.Test;

/** Notifications finished a month ago leave the outbox; work still to do, dead work and other kinds stay. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class FinishedWorkSweepTest {

    private static final String NOTIFICATION = PushNotificationHandler.KIND;

    @Inject
    DataSource dataSource;

    @Inject
    FinishedWorkSweep sweep;

    GarageFixture garage;
    Rows rows;

    @Test
    void notificationsFinishedLongerAgoThanTheirRetentionAreDeletedTheRestKept() {
        StoppedClock clock = new StoppedClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        garage = GarageFixture.create(dataSource);
        rows = new Rows(dataSource);
        Instant monthAgo = clock.now().minus(Duration.ofDays(31));
        Instant weeksAgo = clock.now().minus(Duration.ofDays(29));
        long sent = item(NOTIFICATION, "DELIVERED", monthAgo);
        long superseded = item(NOTIFICATION, "DROPPED", monthAgo);
        long expired = item(NOTIFICATION, "EXPIRED", monthAgo);
        long recentlySent = item(NOTIFICATION, "DELIVERED", weeksAgo);
        long dead = item(NOTIFICATION, "DEAD", monthAgo);
        deadLetter(dead, monthAgo);
        long replayedThenSent = item(NOTIFICATION, "DELIVERED", monthAgo);
        deadLetter(replayedThenSent, monthAgo.minus(Duration.ofDays(1)));
        long waiting = item(NOTIFICATION, "PENDING", null);
        long otherKind = item(ScriptedHandler.KIND, "DELIVERED", monthAgo);

        // The pod's own sweep, which runs once as it starts, may come first: the rows are what counts.
        sweep.sweep().await().indefinitely();

        assertEquals(List.of(recentlySent, dead, replayedThenSent, waiting, otherKind), rows.query(
                "select id from outbound_work where garage_id = ? order by id", garage.garageId).stream()
                .map(row -> (Long) row.get("id")).toList());
        assertEquals(List.of(), rows.query("select id from outbound_work where id in (?, ?, ?)", sent, superseded,
                expired));
        assertEquals(2L, rows.count("select count(*) from outbound_dead_letter where garage_id = ?", garage.garageId));
    }

    /**
     * An item as the outbox leaves it. One still waiting is due only in a year, so that no pass takes it, in this
     * test or in a later one that moves the clock by days.
     */
    private long item(String kind, String status, Instant doneAt) {
        String key = kind + "-" + UUID.randomUUID();
        Instant created = doneAt != null ? doneAt : Instant.now();
        Instant due = doneAt != null ? doneAt : Instant.now().plus(Duration.ofDays(365));
        garage.sql("insert into outbound_work (kind, garage_id, dedupe_key, payload, status, closed_as, ttl_seconds,"
                + " expires_at, next_attempt_at, created_at, done_at) values (?, ?, ?, '{}'::jsonb, ?, ?, 86400, ?, ?,"
                + " ?, ?)", kind, garage.garageId, key, status, "DROPPED".equals(status) ? "SUPERSEDED" : null,
                due.plus(Duration.ofDays(1)), due, created, doneAt);
        return (Long) rows.one("select id from outbound_work where dedupe_key = ?", key).get("id");
    }

    private void deadLetter(long workId, Instant deadAt) {
        garage.sql("insert into outbound_dead_letter (id, garage_id, work_id, kind, reason, attempts, dead_at)"
                + " values (?, ?, ?, ?, 'provider answered 500', 10, ?)", UUID.randomUUID(), garage.garageId, workId,
                NOTIFICATION, deadAt);
    }
}
