package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.vehicle.Vehicle;
import com.garage.mobile.domain.vehicle.VehicleRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads one job card for staff (any job of their garage) or for its customer (their own only). */
@ApplicationScoped
public class JobCardQueries {

    private final JobCardRepository jobs;
    private final JobCardBatch cards;
    private final VehicleRepository vehicles;

    public JobCardQueries(JobCardRepository jobs, JobCardBatch cards, VehicleRepository vehicles) {
        this.jobs = jobs;
        this.cards = cards;
        this.vehicles = vehicles;
    }

    /** A page of the customer's own jobs, newest first. */
    @WithSession
    public Uni<Page<JobWithVehicle>> pageOfCustomer(Actor customer, PageCursor after, int limit) {
        return jobs.pageOfCustomer(customer.garageId(), customer.personId(), after, limit)
                .chain(rows -> vehicles.findAll(customer.garageId(), rows.stream().map(j -> j.vehicleId).toList())
                        .map(found -> {
                            Map<UUID, Vehicle> byId = found.stream().collect(Collectors.toMap(v -> v.id, v -> v));
                            return Page.of(rows, limit, JobCardRepository::newestFirstCursor,
                                    job -> new JobWithVehicle(job, byId.get(job.vehicleId)));
                        }));
    }

    @WithSession
    public Uni<JobCardDetail> forStaff(Actor staff, UUID jobId) {
        return cards.forStaff(staff.garageId(), List.of(jobId)).map(JobCardQueries::found);
    }

    @WithSession
    public Uni<JobCardDetail> forCustomer(Actor customer, UUID jobId) {
        return cards.forCustomer(customer.garageId(), customer.personId(), List.of(jobId))
                .map(JobCardQueries::found);
    }

    private static JobCardDetail found(List<JobCardDetail> cards) {
        if (cards.isEmpty()) {
            throw ProblemException.notFound("Job");
        }
        return cards.get(0);
    }
}
