package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.clock.TimeEntry;
import com.garage.mobile.domain.clock.TimeRules;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCardDetail;
import com.garage.mobile.domain.job.JobNote;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.domain.job.JobStep;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.technician.jobs.JobCardView.CustomerView;
import com.garage.mobile.technician.jobs.JobCardView.EstimateView;
import com.garage.mobile.technician.jobs.JobCardView.LineView;
import com.garage.mobile.technician.jobs.JobCardView.NoteView;
import com.garage.mobile.technician.jobs.JobCardView.Person;
import com.garage.mobile.technician.jobs.JobCardView.StepView;
import com.garage.mobile.technician.jobs.JobCardView.VehicleView;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Shapes a job card for the member of staff looking at it. */
public final class JobCardViews {

    private JobCardViews() {
    }

    /**
     * @param entries the job's time entries
     * @param now     the moment running clocks are counted up to
     */
    public static JobCardView of(JobCardDetail detail, Actor viewer, List<TimeEntry> entries, Instant now) {
        var job = detail.job();
        var car = detail.vehicle();
        boolean assignedToMe = detail.technicians().stream().anyMatch(t -> t.id.equals(viewer.personId()));
        boolean mayEdit = !viewer.isTechnician() || assignedToMe;
        return new JobCardView(job.id, job.number, job.status, job.version, job.concern, job.promisedAt,
                job.mileageInKm, job.createdAt, job.closedAt, assignedToMe,
                mayEdit ? JobStatusService.allowedTargets(viewer, job.status) : Set.of(),
                new CustomerView(detail.customer().id, detail.customer().displayName(),
                        viewer.isTechnician() ? null : detail.customer().phone),
                new VehicleView(car.id, car.vin, car.make, car.model, car.modelYear, car.registrationPlate,
                        car.colour, car.mileageKm),
                detail.advisor() != null ? person(detail.advisor()) : null,
                detail.technicians().stream().map(JobCardViews::person).toList(),
                detail.steps().stream().map(JobCardViews::step).toList(),
                estimate(detail.garage().currency, detail.lines(), !viewer.isTechnician()),
                detail.notes().stream().map(note -> note(note, detail)).toList(),
                TimeRules.totals(entries.stream().map(TimeEntry::span).toList(),
                        TimeRules.estimateMinutes(detail.lines()), now));
    }

    private static Person person(Staff staff) {
        return new Person(staff.id, staff.displayName);
    }

    private static StepView step(JobStep step) {
        return new StepView(step.id, step.position, step.title, step.status, step.completedAt, step.version);
    }

    private static EstimateView estimate(String currency, List<EstimateLine> lines, boolean showCost) {
        List<LineView> views = lines.stream().map(line -> new LineView(line.id, line.position, line.kind,
                line.description, line.partNumber, line.quantity, line.unitPriceMinor,
                showCost ? line.costPriceMinor : null, line.taxRateBp, line.netMinor(), line.taxMinor(),
                line.grossMinor(), line.approvalStatus, line.decidedAt, line.decisionNote, line.version)).toList();
        return new EstimateView(currency, views,
                lines.stream().mapToLong(EstimateLine::netMinor).sum(),
                lines.stream().mapToLong(EstimateLine::taxMinor).sum(),
                lines.stream().mapToLong(EstimateLine::grossMinor).sum(),
                lines.stream().filter(l -> l.approvalStatus == ApprovalStatus.APPROVED)
                        .mapToLong(EstimateLine::grossMinor).sum());
    }

    private static NoteView note(JobNote note, JobCardDetail detail) {
        return new NoteView(note.id, note.visibility, note.body,
                new Person(note.authorStaffId, detail.staffName(note.authorStaffId)), note.createdAt);
    }
}
