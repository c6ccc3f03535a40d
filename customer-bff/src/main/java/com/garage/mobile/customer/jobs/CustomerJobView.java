package com.garage.mobile.customer.jobs;

import com.garage.mobile.customer.jobs.JobSummaryView.VehicleLabel;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.LineKind;
import com.garage.mobile.domain.job.StepStatus;
import com.garage.mobile.platform.web.CompositeView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A repair as its customer follows it: progress, the estimate to approve and the notes the
 * garage shared. Internal notes, cost prices and part numbers never appear here.
 */
public record CustomerJobView(UUID id, int number, JobStatus status, String concern, Instant promisedAt,
        Instant createdAt, Instant closedAt, VehicleLabel vehicle, String advisorName, Progress progress,
        Estimate estimate, List<SharedNote> notes, long version) implements CompositeView {

    /** How far the work has got. */
    public record Progress(int stepsDone, int stepsTotal, List<Step> steps) {
    }

    public record Step(String title, StepStatus status) {
    }

    /** The estimate; money in minor units of {@code currency}. */
    public record Estimate(String currency, List<Line> lines, long grossMinor, long approvedGrossMinor,
            int awaitingDecision) {
    }

    public record Line(UUID id, LineKind kind, String description, BigDecimal quantity, long unitPriceMinor,
            int taxRateBp, long netMinor, long taxMinor, long grossMinor, ApprovalStatus approvalStatus,
            Instant decidedAt, String decisionNote, long version) {
    }

    public record SharedNote(UUID id, String body, String authorName, Instant createdAt) {
    }
}
