package com.garage.mobile.customer.jobs;

import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobWithVehicle;
import java.time.Instant;
import java.util.UUID;

/** A repair in the customer's list. */
public record JobSummaryView(UUID id, int number, JobStatus status, Instant promisedAt, Instant createdAt,
        VehicleLabel vehicle, long version) {

    /** How the customer names their car at a glance. */
    public record VehicleLabel(UUID id, String make, String model, String registrationPlate) {
    }

    static JobSummaryView of(JobWithVehicle entry) {
        var job = entry.job();
        var car = entry.vehicle();
        return new JobSummaryView(job.id, job.number, job.status, job.promisedAt, job.createdAt,
                new VehicleLabel(car.id, car.make, car.model, car.registrationPlate), job.version);
    }
}
