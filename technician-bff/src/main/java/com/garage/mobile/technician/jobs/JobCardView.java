package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.clock.JobTime;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.LineKind;
import com.garage.mobile.domain.job.NoteVisibility;
import com.garage.mobile.domain.job.StepStatus;
import com.garage.mobile.platform.web.CompositeView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A job card as staff see it in the bay. Cost prices appear only for advisors and admins.
 *
 * @param allowedTransitions the statuses the caller may move the job to now
 * @param time               worked and paused minutes beside the labour estimate, running clocks counted up to
 *                           the moment the card was read
 */
// Returned inside a Response (for its ETag) and as a conflict's current state: not registered for native otherwise.
@RegisterForReflection
public record JobCardView(UUID id, int number, JobStatus status, long version, String concern,
        Instant promisedAt, Integer mileageInKm, Instant createdAt, Instant closedAt, boolean assignedToMe,
        Set<JobStatus> allowedTransitions, CustomerView customer, VehicleView vehicle, Person advisor,
        List<Person> technicians, List<StepView> steps, EstimateView estimate, List<NoteView> notes, JobTime time)
        implements CompositeView {

    /** A member of staff on the job. */
    public record Person(UUID id, String name) {
    }

    /** The car's owner; the phone number is for advisors, who call customers. */
    public record CustomerView(UUID id, String name, String phone) {
    }

    public record VehicleView(UUID id, String vin, String make, String model, Short modelYear,
            String registrationPlate, String colour, Integer mileageKm) {
    }

    public record StepView(UUID id, int position, String title, StepStatus status, Instant completedAt,
            long version) {
    }

    /** The estimate with totals; money in minor units of {@code currency}. */
    public record EstimateView(String currency, List<LineView> lines, long netMinor, long taxMinor,
            long grossMinor, long approvedGrossMinor) {
    }

    public record LineView(UUID id, int position, LineKind kind, String description, String partNumber,
            BigDecimal quantity, long unitPriceMinor, Long costPriceMinor, int taxRateBp, long netMinor,
            long taxMinor, long grossMinor, ApprovalStatus approvalStatus, Instant decidedAt, String decisionNote,
            long version) {
    }

    public record NoteView(UUID id, NoteVisibility visibility, String body, Person author, Instant createdAt) {
    }
}
