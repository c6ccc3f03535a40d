package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.job.BoardEntry;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.technician.jobs.BoardCardView.VehicleSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** A card on the board as cached: everything but what depends on the time it is read. */
@RegisterForReflection
record BoardCard(UUID id, int number, JobStatus status, long version, Instant promisedAt, String concern,
        VehicleSummary vehicle, String customerName, int stepsDone, int stepsTotal, long redItems) {

    static BoardCard of(BoardEntry entry, long redItems) {
        var job = entry.job();
        var car = entry.vehicle();
        return new BoardCard(job.id, job.number, job.status, job.version, job.promisedAt, job.concern,
                new VehicleSummary(car.id, car.make, car.model, car.modelYear, car.registrationPlate),
                entry.customer().displayName(), entry.stepsDone(), entry.stepsTotal(), redItems);
    }
}
