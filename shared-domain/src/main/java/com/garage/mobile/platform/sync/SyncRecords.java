package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.appointment.Appointment;
import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.garage.GarageRepository;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobAssignment;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardDetail;
import com.garage.mobile.domain.job.JobNote;
import com.garage.mobile.domain.job.JobStep;
import com.garage.mobile.domain.job.NoteVisibility;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.vehicle.Vehicle;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the current state of a sync page's upserts, a query per kind of row rather than per
 * record, so a page of a hundred jobs costs a dozen queries. Only rows of the caller's garage.
 */
@ApplicationScoped
public class SyncRecords {

    private final GarageRepository garages;

    public SyncRecords(GarageRepository garages) {
        this.garages = garages;
    }

    /** The loaded records by id; a record deleted since it was listed is simply absent. */
    public record Loaded(Map<UUID, JobCardDetail> jobs, Map<UUID, Customer> customers, Map<UUID, Vehicle> vehicles,
            Map<UUID, Appointment> appointments) {
    }

    /**
     * @param customerView jobs in their customer's form: without internal notes
     */
    @WithSession
    public Uni<Loaded> load(UUID garageId, List<SyncRef> refs, boolean customerView) {
        var loaded = new Loaded(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        return unlessNone(ids(refs, SyncEntity.CUSTOMER),
                ids -> Customer.<Customer>list("garageId = ?1 and id in ?2", garageId, ids))
                .invoke(found -> found.forEach(c -> loaded.customers().put(c.id, c)))
                .chain(() -> unlessNone(ids(refs, SyncEntity.VEHICLE),
                        ids -> Vehicle.<Vehicle>list("garageId = ?1 and id in ?2", garageId, ids)))
                .invoke(found -> found.forEach(v -> loaded.vehicles().put(v.id, v)))
                .chain(() -> unlessNone(ids(refs, SyncEntity.APPOINTMENT),
                        ids -> Appointment.<Appointment>list("garageId = ?1 and id in ?2", garageId, ids)))
                .invoke(found -> found.forEach(a -> loaded.appointments().put(a.id, a)))
                .chain(() -> jobs(garageId, ids(refs, SyncEntity.JOB), customerView))
                .invoke(found -> found.forEach(j -> loaded.jobs().put(j.job().id, j)))
                .replaceWith(loaded);
    }

    private static List<UUID> ids(List<SyncRef> refs, SyncEntity entity) {
        return refs.stream().filter(r -> r.entity() == entity).map(SyncRef::id).toList();
    }

    /** The query's rows, or none without asking when there are no ids ("in ()" is not SQL). */
    private static <T> Uni<List<T>> unlessNone(List<UUID> ids, Function<List<UUID>, Uni<List<T>>> query) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : query.apply(ids);
    }

    private Uni<List<JobCardDetail>> jobs(UUID garageId, List<UUID> ids, boolean customerView) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        var parts = new Parts();
        String notes = customerView ? "jobId in ?1 and visibility = ?2 order by createdAt, id"
                : "jobId in ?1 and visibility in ?2 order by createdAt, id";
        Object visibility = customerView ? NoteVisibility.CUSTOMER : List.of(NoteVisibility.values());
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
                .chain(() -> EstimateLine.<EstimateLine>list("jobId in ?1 order by position", ids))
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
