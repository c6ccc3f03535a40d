package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.job.BoardEntry;
import com.garage.mobile.domain.job.JobStatus;
import java.time.Instant;
import java.util.UUID;

/** A job as a card on the board: enough to pick the next car, not the whole job. */
public record BoardCardView(UUID id, int number, JobStatus status, long version, Instant promisedAt,
        boolean overdue, String concern, VehicleSummary vehicle, String customerName, int stepsDone,
        int stepsTotal) {

    /** The car, as the technician recognises it in the yard. */
    public record VehicleSummary(UUID id, String make, String model, Short modelYear, String registrationPlate) {
    }

    static BoardCardView of(BoardEntry entry, Instant now) {
        var job = entry.job();
        var car = entry.vehicle();
        boolean overdue = job.promisedAt != null && job.promisedAt.isBefore(now) && !job.status.isFinished()
                && job.status != JobStatus.READY_FOR_PICKUP;
        return new BoardCardView(job.id, job.number, job.status, job.version, job.promisedAt, overdue, job.concern,
                new VehicleSummary(car.id, car.make, car.model, car.modelYear, car.registrationPlate),
                entry.customer().displayName(), entry.stepsDone(), entry.stepsTotal());
    }
}
