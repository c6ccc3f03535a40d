package com.garage.mobile.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.notification.JobContext.StaffMember;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears of a job's status change, decided without a database or a push provider. */
class JobEventRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(4);
    private static final StaffMember ALICE = new StaffMember(UUID.randomUUID(), "staff-alice");
    private static final StaffMember TOM = new StaffMember(UUID.randomUUID(), "staff-tom");
    private static final StaffMember TIM = new StaffMember(UUID.randomUUID(), "staff-tim");
    private static final JobContext JOB = new JobContext(UUID.randomUUID(), UUID.randomUUID(), 1042,
            UUID.randomUUID(), "de", ALICE, List.of(TOM, TIM), "Volkswagen Golf (AB19 CDE)", "Garage Nord");
    private static final JobEventRules RULES = new JobEventRules(ttlOnly());

    @Test
    void theCustomerHearsThatWorkStartedAndTheTechniciansWhoDidNotStartItToo() {
        List<PlannedNotification> planned = RULES.plan(moved(JobStatus.OPEN, JobStatus.IN_PROGRESS, "staff-alice", true),
                JOB, NOW);
        assertEquals(List.of(JOB.customerId(), TOM.id(), TIM.id()), people(planned));
        PlannedNotification customer = planned.get(0);
        assertEquals(NotificationCategory.JOB_STATUS, customer.category());
        assertEquals(PushPriority.NORMAL, customer.priority());
        assertEquals("customer.job.IN_PROGRESS", customer.textKey());
        assertEquals("de", customer.language());
        assertEquals(NOW.plus(TTL), customer.expiresAt());
        assertEquals("job-event:7", customer.dedupeKey());
        assertEquals("job-" + JOB.jobId() + "-status", customer.collapseKey());
    }

    @Test
    void whoMadeTheMoveIsNotToldOfIt() {
        assertEquals(List.of(JOB.customerId(), TIM.id()),
                people(RULES.plan(moved(JobStatus.OPEN, JobStatus.IN_PROGRESS, "staff-tom", true), JOB, NOW)));
        assertEquals(List.of(), people(RULES.plan(moved(JobStatus.IN_PROGRESS, JobStatus.QUALITY_CHECK,
                "staff-alice", false), JOB, NOW)));
    }

    @Test
    void anApprovalIsUrgentForTheCustomerAndCallsTheAdvisor() {
        List<PlannedNotification> planned = RULES.plan(moved(JobStatus.IN_PROGRESS, JobStatus.AWAITING_APPROVAL,
                "staff-tom", true), JOB, NOW);
        assertEquals(List.of(JOB.customerId(), ALICE.id()), people(planned));
        assertEquals(NotificationCategory.APPROVALS, planned.get(0).category());
        assertEquals(PushPriority.HIGH, planned.get(0).priority());
        assertEquals("staff.job.status", planned.get(1).textKey());
    }

    @Test
    void aReadyCarIsUrgentForTheCustomerOnly() {
        List<PlannedNotification> planned = RULES.plan(moved(JobStatus.QUALITY_CHECK, JobStatus.READY_FOR_PICKUP,
                "staff-alice", true), JOB, NOW);
        assertEquals(List.of(JOB.customerId()), people(planned));
        assertEquals(PushPriority.HIGH, planned.get(0).priority());
    }

    @Test
    void theCustomerHearsNothingOfAnEventHiddenFromThem() {
        assertEquals(List.of(TOM.id(), TIM.id()),
                people(RULES.plan(moved(JobStatus.OPEN, JobStatus.IN_PROGRESS, "staff-alice", false), JOB, NOW)));
    }

    @Test
    void otherEventsNotifyNobody() {
        JobEventRow note = new JobEventRow(8, JOB.jobId(), JobEventType.CUSTOMER_NOTE_ADDED.wireName(), true, new JsonObject(), "staff-tom");
        assertEquals(List.of(), RULES.plan(note, JOB, NOW));
    }

    private static JobEventRow moved(JobStatus from, JobStatus to, String by, boolean customerVisible) {
        return new JobEventRow(7, JOB.jobId(), JobEventType.STATUS_CHANGED.wireName(), customerVisible,
                new JsonObject().put("from", from.name()).put("to", to.name()), by);
    }

    private static List<UUID> people(List<PlannedNotification> planned) {
        return planned.stream().map(PlannedNotification::personId).toList();
    }

    /** The settings as far as the rules read them: only how long a notification lives. */
    private static NotificationConfig ttlOnly() {
        return (NotificationConfig) Proxy.newProxyInstance(NotificationConfig.class.getClassLoader(),
                new Class<?>[] {NotificationConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "ttl" -> TTL;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
