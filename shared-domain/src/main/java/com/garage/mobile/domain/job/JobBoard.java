package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.garage.GarageRepository;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.vehicle.Vehicle;
import com.garage.mobile.domain.vehicle.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Today's job board of a garage: the unfinished jobs and those finished today (in the garage's
 * time zone), by promised time; a technician's own board holds only the jobs assigned to them.
 */
@ApplicationScoped
public class JobBoard {

    private final GarageRepository garages;
    private final JobCardRepository jobs;
    private final VehicleRepository vehicles;

    public JobBoard(GarageRepository garages, JobCardRepository jobs, VehicleRepository vehicles) {
        this.garages = garages;
        this.jobs = jobs;
        this.vehicles = vehicles;
    }

    @WithSession
    public Uni<Page<BoardEntry>> page(Actor actor, boolean wholeGarage, Instant now, PageCursor after, int limit) {
        UUID technician = wholeGarage ? null : actor.personId();
        return garages.require(actor.garageId())
                .map(garage -> garage.today(now).atStartOfDay(garage.zone()).toInstant())
                .chain(startOfDay -> jobs.boardPage(actor.garageId(), technician, startOfDay, after, limit))
                .chain(rows -> entries(actor.garageId(), rows))
                .map(entries -> Page.of(entries, limit, entry -> JobCardRepository.boardCursor(entry.job()),
                        Function.identity()));
    }

    private Uni<List<BoardEntry>> entries(UUID garageId, List<JobCard> rows) {
        return vehicles.findAll(garageId, distinct(rows, job -> job.vehicleId))
                .chain(found -> customersOf(garageId, rows)
                        .map(customers -> new Lookups(byId(found, v -> v.id), byId(customers, c -> c.id))))
                .chain(lookups -> stepProgress(distinct(rows, job -> job.id))
                        .map(progress -> rows.stream().map(job -> lookups.entry(job, progress)).toList()));
    }

    private static Uni<List<Customer>> customersOf(UUID garageId, List<JobCard> rows) {
        List<UUID> ids = distinct(rows, job -> job.customerId);
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : Customer.list("garageId = ?1 and array_has(?2, id)", garageId, ids.toArray(UUID[]::new));
    }

    private static Uni<Map<UUID, StepProgress>> stepProgress(List<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return JobStep.<JobStep>list("array_has(:jobs, jobId)", Map.of("jobs", jobIds.toArray(UUID[]::new)))
                .map(steps -> steps.stream().collect(Collectors.groupingBy(step -> step.jobId,
                        Collectors.collectingAndThen(Collectors.toList(), StepProgress::of))));
    }

    private static List<UUID> distinct(List<JobCard> rows, Function<JobCard, UUID> id) {
        return rows.stream().map(id).distinct().toList();
    }

    /** Steps finished (done or skipped) out of all steps of one job. */
    private record StepProgress(int done, int total) {
        static final StepProgress NONE = new StepProgress(0, 0);

        static StepProgress of(List<JobStep> steps) {
            int done = (int) steps.stream()
                    .filter(s -> s.status == StepStatus.DONE || s.status == StepStatus.SKIPPED).count();
            return new StepProgress(done, steps.size());
        }
    }

    private record Lookups(Map<UUID, Vehicle> vehicles, Map<UUID, Customer> customers) {
        BoardEntry entry(JobCard job, Map<UUID, StepProgress> progress) {
            StepProgress steps = progress.getOrDefault(job.id, StepProgress.NONE);
            return new BoardEntry(job, vehicles.get(job.vehicleId), customers.get(job.customerId), steps.done(),
                    steps.total());
        }
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
