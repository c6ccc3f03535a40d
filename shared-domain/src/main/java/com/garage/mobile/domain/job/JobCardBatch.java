package com.garage.mobile.domain.job;

import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.garage.GarageRepository;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.vehicle.Vehicle;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads many job cards with all their parts at once, a query per kind of row rather than per job,
 * so a sync page of a hundred jobs costs a dozen queries. Only jobs of the given garage; runs in
 * the caller's reactive session.
 */
@ApplicationScoped
public class JobCardBatch {

    private final GarageRepository garages;

    public JobCardBatch(GarageRepository garages) {
        this.garages = garages;
    }

    /**
     * The garage's jobs among these ids; one deleted meanwhile is absent.
     *
     * @param customerView in the customer's form: only the notes shared with them and the lines with a price
     */
    public Uni<List<JobCardDetail>> load(UUID garageId, List<UUID> ids, boolean customerView) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        var parts = new Parts();
        String notes = customerView ? "jobId in ?1 and visibility = ?2 order by createdAt, id"
                : "jobId in ?1 and visibility in ?2 order by createdAt, id";
        Object visibility = customerView ? NoteVisibility.CUSTOMER : List.of(NoteVisibility.values());
        String lines = customerView ? "jobId in ?1 and awaitingPrice = false order by position"
                : "jobId in ?1 order by position";
        return JobCard.<JobCard>list("garageId = ?1 and id in ?2", garageId, ids).invoke(j -> parts.jobs = j)
                .chain(() -> garages.require(garageId)).invoke(g -> parts.garage = g)
                .chain(() -> Customer.<Customer>list("garageId = ?1 and id in ?2", garageId,
                        nonEmpty(parts.jobs.stream().map(j -> j.customerId).distinct().toList())))
                .invoke(c -> parts.customers = byId(c, x -> x.id))
                .chain(() -> Vehicle.<Vehicle>list("garageId = ?1 and id in ?2", garageId,
                        nonEmpty(parts.jobs.stream().map(j -> j.vehicleId).distinct().toList())))
                .invoke(v -> parts.vehicles = byId(v, x -> x.id))
                .chain(() -> JobAssignment.<JobAssignment>list(
                        "jobId in ?1 order by assignedAt, technicianId", ids))
                .invoke(a -> parts.assignments = a)
                .chain(() -> JobStep.<JobStep>list("jobId in ?1 order by position", ids)).invoke(s -> parts.steps = s)
                .chain(() -> EstimateLine.<EstimateLine>list(lines, ids))
                .invoke(l -> parts.lines = l)
                .chain(() -> JobNote.<JobNote>list(notes, ids, visibility)).invoke(n -> parts.notes = n)
                .chain(() -> Staff.<Staff>list("garageId = ?1 and id in ?2", garageId, nonEmpty(parts.mentioned())))
                .map(parts::build);
    }

    private static List<UUID> nonEmpty(List<UUID> ids) {
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** The rows of a page of jobs, gathered one query at a time (a reactive session takes no concurrent ones). */
    private static final class Parts {
        private List<JobCard> jobs;
        private Garage garage;
        private Map<UUID, Customer> customers;
        private Map<UUID, Vehicle> vehicles;
        private List<JobAssignment> assignments;
        private List<JobStep> steps;
        private List<EstimateLine> lines;
        private List<JobNote> notes;

        List<UUID> mentioned() {
            Set<UUID> ids = new LinkedHashSet<>();
            assignments.forEach(a -> ids.add(a.technicianId));
            jobs.stream().filter(j -> j.advisorId != null).forEach(j -> ids.add(j.advisorId));
            notes.forEach(n -> ids.add(n.authorStaffId));
            return new ArrayList<>(ids);
        }

        List<JobCardDetail> build(List<Staff> people) {
            Map<UUID, Staff> staff = byId(people, s -> s.id);
            Map<UUID, List<UUID>> technicians = assignments.stream().collect(Collectors.groupingBy(a -> a.jobId,
                    Collectors.mapping(a -> a.technicianId, Collectors.toList())));
            Map<UUID, List<JobStep>> stepsOf = steps.stream().collect(Collectors.groupingBy(s -> s.jobId));
            Map<UUID, List<EstimateLine>> linesOf = lines.stream().collect(Collectors.groupingBy(l -> l.jobId));
            Map<UUID, List<JobNote>> notesOf = notes.stream().collect(Collectors.groupingBy(n -> n.jobId));
            return jobs.stream().map(job -> new JobCardDetail(garage, job, customers.get(job.customerId),
                    vehicles.get(job.vehicleId), technicians.getOrDefault(job.id, List.of()), staff,
                    stepsOf.getOrDefault(job.id, List.of()), linesOf.getOrDefault(job.id, List.of()),
                    notesOf.getOrDefault(job.id, List.of()))).toList();
        }
    }
}
