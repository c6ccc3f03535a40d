package com.garage.mobile.domain.job;

import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.vehicle.Vehicle;

/** One card on a job board: the job, whose car it is and how far the work has got. */
public record BoardEntry(JobCard job, Vehicle vehicle, Customer customer, int stepsDone, int stepsTotal) {
}
