package com.garage.mobile.domain.job;

import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.customer.CustomerRepository;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.garage.GarageRepository;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.staff.StaffRepository;
import com.garage.mobile.domain.vehicle.Vehicle;
import com.garage.mobile.domain.vehicle.VehicleRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads a job card's parts. Queries run one after another: a reactive Hibernate session does
 * not take concurrent queries.
 */
@ApplicationScoped
public class JobCardDetails {

    private final GarageRepository garages;
    private final CustomerRepository customers;
    private final VehicleRepository vehicles;
    private final StaffRepository staff;

    public JobCardDetails(GarageRepository garages, CustomerRepository customers, VehicleRepository vehicles,
            StaffRepository staff) {
        this.garages = garages;
        this.customers = customers;
        this.vehicles = vehicles;
        this.staff = staff;
    }

    public Uni<JobCardDetail> forStaff(JobCard job) {
        return load(job, JobNote.list("jobId = ?1 order by createdAt, id", job.id),
                EstimateLine.list("jobId = ?1 order by position", job.id));
    }

    /** Shared notes, and the lines with a price. */
    public Uni<JobCardDetail> forCustomer(JobCard job) {
        return load(job, JobNote.list("jobId = ?1 and visibility = ?2 order by createdAt, id", job.id,
                NoteVisibility.CUSTOMER), EstimateLine.list("jobId = ?1 and awaitingPrice = false order by position",
                job.id));
    }

    /** The ids of the technicians assigned to a job, in order of assignment. */
    public Uni<List<UUID>> technicianIds(UUID jobId) {
        return JobAssignment.<JobAssignment>list("jobId = ?1 order by assignedAt, technicianId", jobId)
                .map(rows -> rows.stream().map(a -> a.technicianId).toList());
    }

    private Uni<JobCardDetail> load(JobCard job, Uni<List<JobNote>> notesQuery, Uni<List<EstimateLine>> linesQuery) {
        var parts = new Parts(job);
        return garages.require(job.garageId).invoke(g -> parts.garage = g)
                .chain(() -> customers.require(job.garageId, job.customerId)).invoke(c -> parts.customer = c)
                .chain(() -> vehicles.findById(job.vehicleId)).invoke(v -> parts.vehicle = v)
                .chain(() -> technicianIds(job.id)).invoke(ids -> parts.technicianIds = ids)
                .chain(() -> JobStep.<JobStep>list("jobId = ?1 order by position", job.id))
                .invoke(s -> parts.steps = s)
                .chain(() -> linesQuery).invoke(l -> parts.lines = l)
                .chain(() -> notesQuery).invoke(n -> parts.notes = n)
                .chain(() -> staff.findAll(job.garageId, parts.mentionedStaff()))
                .map(parts::build);
    }

    /** The parts gathered so far; filled in one query at a time. */
    private static final class Parts {
        private final JobCard job;
        private Garage garage;
        private Customer customer;
        private Vehicle vehicle;
        private List<UUID> technicianIds;
        private List<JobStep> steps;
        private List<EstimateLine> lines;
        private List<JobNote> notes;

        Parts(JobCard job) {
            this.job = job;
        }

        Set<UUID> mentionedStaff() {
            Set<UUID> ids = new LinkedHashSet<>(technicianIds);
            if (job.advisorId != null) {
                ids.add(job.advisorId);
            }
            notes.forEach(note -> ids.add(note.authorStaffId));
            return ids;
        }

        JobCardDetail build(List<Staff> people) {
            Map<UUID, Staff> byId = people.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            return new JobCardDetail(garage, job, customer, vehicle, technicianIds, byId, steps, lines, notes);
        }
    }
}
