package com.garage.mobile.technician.notifications;

import static com.garage.mobile.technician.notifications.OutboxProbe.moveJob;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.notification.pipeline.DecidedEventSweep;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
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

/** A week after an event's notifications were decided its waiting row goes; undecided events stay, however old. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class DecidedEventSweepTest {

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    DecidedEventSweep sweep;

    @Test
    void decisionsOlderThanTheRetentionAreForgottenTheRestKept() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        Rows rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        ChatDesk desk = new ChatDesk(messages, rows);
        Person advisor = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        UUID job = garage.job(carl, garage.vehicle(carl)).advisor(advisor).status("QUALITY_CHECK").create();
        UUID conversation = desk.conversationOfJob(job);
        Instant start = clock.now();

        moveJob(advisor, job, "IN_PROGRESS", 0);
        UUID weekOld = desk.send(advisor, conversation, ChatChannel.CUSTOMER, "We have started.");
        awaitDecided(rows, job, weekOld);
        clock.moveTo(start.plus(Duration.ofDays(3)));
        moveJob(advisor, job, "QUALITY_CHECK", 1);
        moveJob(advisor, job, "IN_PROGRESS", 2);
        UUID recent = desk.send(advisor, conversation, ChatChannel.CUSTOMER, "One more check.");
        awaitDecided(rows, job, recent);
        List<Long> events = rows.query("select id from job_event where job_id = ? order by id", job).stream()
                .map(row -> (Long) row.get("id")).toList();
        assertEquals(3, events.size());
        // Failed ten times, left for an operator: never decided, so never forgotten.
        garage.sql("update notification_pending_event set decided_at = null, attempts = 10, last_error = 'Timeout',"
                + " next_attempt_at = ? where job_event_id = ?", start, events.get(2));

        clock.moveTo(start.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        // The pod's own sweep, which runs once as it starts, may come first: the rows are what counts.
        sweep.sweep().await().indefinitely();

        assertEquals(List.of(events.get(1), events.get(2)), rows.query("select p.job_event_id from"
                + " notification_pending_event p join job_event e on e.id = p.job_event_id where e.job_id = ?"
                + " order by p.job_event_id", job).stream().map(row -> (Long) row.get("job_event_id")).toList());
        assertEquals(List.of(recent.toString()), rows.query("select e.payload->>'messageId' as message from"
                + " chat_push_pending p join chat_event e on e.id = p.chat_event_id where e.conversation_id = ?",
                conversation).stream().map(row -> row.get("message")).toList());
        assertEquals(1L, rows.count("select count(*) from notification_pending_event where job_event_id = ?"
                + " and attempts = 10 and decided_at is null", events.get(2)));
    }

    private static void awaitDecided(Rows rows, UUID job, UUID message) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("select count(*) from"
                + " notification_pending_event p join job_event e on e.id = p.job_event_id"
                + " where e.job_id = ? and p.decided_at is null", job) == 0
                && rows.count("select count(*) from chat_push_pending p join chat_event e on e.id = p.chat_event_id"
                + " where e.payload->>'messageId' = ? and p.decided_at is not null", message.toString()) == 1);
    }
}
