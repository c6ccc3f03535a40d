package com.garage.mobile.domain.notification;

import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.job.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who should hear of a job event, and what. The customer hears of the moves that change what
 * they do or expect (work started, approval needed, waiting for parts, ready, cancelled). Staff
 * hear of moves someone else made on their job: the advisor when a job needs them (quality
 * check, parts, approval), the assigned technicians when work resumes or is cancelled.
 */
@ApplicationScoped
public class JobEventRules {

    static final Set<JobStatus> CUSTOMER_HEARS = EnumSet.of(JobStatus.IN_PROGRESS, JobStatus.AWAITING_APPROVAL,
            JobStatus.AWAITING_PARTS, JobStatus.READY_FOR_PICKUP, JobStatus.CANCELLED);
    static final Set<JobStatus> ADVISOR_HEARS = EnumSet.of(JobStatus.QUALITY_CHECK, JobStatus.AWAITING_PARTS,
            JobStatus.AWAITING_APPROVAL);
    static final Set<JobStatus> TECHNICIANS_HEAR = EnumSet.of(JobStatus.IN_PROGRESS, JobStatus.CANCELLED);

    private final NotificationConfig config;

    public JobEventRules(NotificationConfig config) {
        this.config = config;
    }

    public List<PlannedNotification> plan(JobEventRow event, JobContext job, Instant now) {
        if (PaymentNotices.concerns(event)) {
            return PaymentNotices.plan(event, job, now, config.ttl());
        }
        if (JobEventType.TIME_OVERRUN.wireName().equals(event.type())) {
            return job.advisor() != null ? List.of(overrunForAdvisor(event, job, now)) : List.of();
        }
        if (JobEventType.ESTIMATE_UNANSWERED.wireName().equals(event.type())) {
            return unansweredEstimate(event, job, now);
        }
        if (!JobEventType.STATUS_CHANGED.wireName().equals(event.type())) {
            return List.of();
        }
        JobStatus from = JobStatus.valueOf(event.payload().getString("from"));
        JobStatus to = JobStatus.valueOf(event.payload().getString("to"));
        List<PlannedNotification> planned = new ArrayList<>();
        if (event.customerVisible() && CUSTOMER_HEARS.contains(to)) {
            planned.add(forCustomer(event, job, to, now));
        }
        if (job.advisor() != null && ADVISOR_HEARS.contains(to) && !job.advisor().subject().equals(event.actorSubject())) {
            planned.add(forStaff(event, job, job.advisor().id(), from, to, now));
        }
        if (TECHNICIANS_HEAR.contains(to)) {
            job.technicians().stream().filter(t -> !t.subject().equals(event.actorSubject()))
                    .forEach(t -> planned.add(forStaff(event, job, t.id(), from, to, now)));
        }
        return planned;
    }

    private PlannedNotification forCustomer(JobEventRow event, JobContext job, JobStatus to, Instant now) {
        NotificationCategory category = to == JobStatus.AWAITING_APPROVAL
                ? NotificationCategory.APPROVALS : NotificationCategory.JOB_STATUS;
        boolean urgent = to == JobStatus.AWAITING_APPROVAL || to == JobStatus.READY_FOR_PICKUP;
        return new PlannedNotification(job.garageId(), job.customerId(), category, dedupeKey(event), event.id(),
                urgent ? PushPriority.HIGH : PushPriority.NORMAL, "job-" + job.jobId() + "-status", event.id(),
                now.plus(config.ttl()), "customer.job." + to,
                Map.of("vehicle", job.vehicle(), "garage", job.garageName(), "job", Integer.toString(job.number())),
                Map.of(), data(job, to, "garage-customer://jobs/" + job.jobId()), job.customerLanguage());
    }

    private PlannedNotification forStaff(JobEventRow event, JobContext job, UUID staffId, JobStatus from,
            JobStatus to, Instant now) {
        return new PlannedNotification(job.garageId(), staffId, NotificationCategory.JOB_STATUS, dedupeKey(event),
                event.id(), PushPriority.NORMAL, "job-" + job.jobId() + "-staff", event.id(), now.plus(config.ttl()),
                "staff.job.status",
                Map.of("vehicle", job.vehicle(), "job", Integer.toString(job.number())),
                Map.of("from", "status." + from, "to", "status." + to),
                data(job, to, "garage-tech://jobs/" + job.jobId()), null);
    }

    /**
     * Worked time passed the labour estimate: the advisor re-quotes or talks to the customer. Staff
     * consent to hearing of their jobs under JOB_STATUS; the event itself is flagged once per estimate.
     */
    private PlannedNotification overrunForAdvisor(JobEventRow event, JobContext job, Instant now) {
        return new PlannedNotification(job.garageId(), job.advisor().id(), NotificationCategory.JOB_STATUS,
                dedupeKey(event), event.id(), PushPriority.NORMAL, "job-" + job.jobId() + "-overrun", event.id(),
                now.plus(config.ttl()), "staff.job.overrun",
                Map.of("vehicle", job.vehicle(), "job", Integer.toString(job.number()),
                        "worked", event.payload().getValue("workedMinutes").toString(),
                        "estimate", event.payload().getValue("estimateMinutes").toString()),
                Map.of(), Map.of("type", JobEventType.TIME_OVERRUN.wireName(), "jobId", job.jobId().toString(),
                        "link", "garage-tech://jobs/" + job.jobId()), null);
    }

    /**
     * An estimate waits for the customer: a reminder to them under APPROVALS, and the advisor hears
     * of it (staff consent to their jobs under JOB_STATUS).
     */
    private List<PlannedNotification> unansweredEstimate(JobEventRow event, JobContext job, Instant now) {
        Map<String, String> values = Map.of("vehicle", job.vehicle(), "garage", job.garageName(),
                "job", Integer.toString(job.number()), "reminder", event.payload().getValue("reminder").toString());
        List<PlannedNotification> planned = new ArrayList<>();
        planned.add(new PlannedNotification(job.garageId(), job.customerId(), NotificationCategory.APPROVALS,
                dedupeKey(event), event.id(), PushPriority.NORMAL, "job-" + job.jobId() + "-estimate", event.id(),
                now.plus(config.ttl()), "customer.estimate.reminder", values, Map.of(),
                Map.of("type", JobEventType.ESTIMATE_UNANSWERED.wireName(), "jobId", job.jobId().toString(),
                        "link", "garage-customer://jobs/" + job.jobId() + "/estimate"), job.customerLanguage()));
        if (job.advisor() != null) {
            planned.add(new PlannedNotification(job.garageId(), job.advisor().id(), NotificationCategory.JOB_STATUS,
                    dedupeKey(event), event.id(), PushPriority.NORMAL, "job-" + job.jobId() + "-estimate-staff",
                    event.id(), now.plus(config.ttl()), "staff.estimate.unanswered", values, Map.of(),
                    Map.of("type", JobEventType.ESTIMATE_UNANSWERED.wireName(), "jobId", job.jobId().toString(),
                            "link", "garage-tech://jobs/" + job.jobId()), null));
        }
        return planned;
    }

    private static Map<String, String> data(JobContext job, JobStatus to, String link) {
        return Map.of("type", JobEventType.STATUS_CHANGED.wireName(), "jobId", job.jobId().toString(),
                "status", to.name(), "link", link);
    }

    private static String dedupeKey(JobEventRow event) {
        return "job-event:" + event.id();
    }
}
