package com.garage.mobile.customer.jobs;

import com.garage.mobile.customer.jobs.CustomerJobView.Estimate;
import com.garage.mobile.customer.jobs.CustomerJobView.Line;
import com.garage.mobile.customer.jobs.CustomerJobView.Progress;
import com.garage.mobile.customer.jobs.CustomerJobView.SharedNote;
import com.garage.mobile.customer.jobs.CustomerJobView.Step;
import com.garage.mobile.customer.jobs.JobSummaryView.VehicleLabel;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCardDetail;
import com.garage.mobile.domain.job.NoteVisibility;
import com.garage.mobile.domain.job.StepStatus;
import java.util.List;

/** Shapes a job card for its customer. */
public final class CustomerJobViews {

    private CustomerJobViews() {
    }

    public static CustomerJobView of(JobCardDetail detail) {
        var job = detail.job();
        var car = detail.vehicle();
        var advisor = detail.advisor();
        return new CustomerJobView(job.id, job.number, job.status, job.concern, job.promisedAt, job.createdAt,
                job.closedAt, new VehicleLabel(car.id, car.make, car.model, car.registrationPlate),
                advisor != null ? advisor.displayName : null, progress(detail),
                estimate(detail.garage().currency, detail.lines()),
                detail.notes().stream()
                        .filter(note -> note.visibility == NoteVisibility.CUSTOMER)
                        .map(note -> new SharedNote(note.id, note.body, detail.staffName(note.authorStaffId),
                                note.createdAt))
                        .toList(),
                job.version);
    }

    private static Progress progress(JobCardDetail detail) {
        List<Step> steps = detail.steps().stream().map(step -> new Step(step.title, step.status)).toList();
        int done = (int) steps.stream()
                .filter(s -> s.status() == StepStatus.DONE || s.status() == StepStatus.SKIPPED).count();
        return new Progress(done, steps.size(), steps);
    }

    private static Estimate estimate(String currency, List<EstimateLine> lines) {
        List<Line> shown = lines.stream().map(line -> new Line(line.id, line.kind, line.description, line.quantity,
                line.unitPriceMinor, line.taxRateBp, line.netMinor(), line.taxMinor(), line.grossMinor(),
                line.approvalStatus, line.decidedAt, line.decisionNote, line.version)).toList();
        return new Estimate(currency, shown,
                lines.stream().mapToLong(EstimateLine::grossMinor).sum(),
                lines.stream().filter(l -> l.approvalStatus == ApprovalStatus.APPROVED)
                        .mapToLong(EstimateLine::grossMinor).sum(),
                (int) lines.stream().filter(l -> l.approvalStatus == ApprovalStatus.PENDING).count());
    }
}
