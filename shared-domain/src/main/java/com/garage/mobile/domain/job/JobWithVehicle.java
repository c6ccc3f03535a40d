package com.garage.mobile.domain.job;

import com.garage.mobile.domain.vehicle.Vehicle;

/** A job and the vehicle it is for: a line in a customer's list of repairs. */
public record JobWithVehicle(JobCard job, Vehicle vehicle) {
}
