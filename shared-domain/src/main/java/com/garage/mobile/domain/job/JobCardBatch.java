package com.garage.mobile.domain.job;

import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.vehicle.Vehicle;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads job cards with all their parts, a statement per kind of row rather than per job: the jobs with
 * their garage, customer, vehicle and advisor; their technicians; steps; lines; notes with their
 * authors. Five statements for one card or for a sync page of a hundred, one after another in the
 * caller's reactive session (which takes no concurrent queries), so each kind of row joined into
 * another is a round trip saved.
 */
@ApplicationScoped
public class JobCardBatch {

    private static final String HEAD = "select j, g, c, v, a from JobCard j"
            + " join Garage g on g.id = j.garageId"
            + " join Customer c on c.id = j.customerId and c.garageId = j.garageId"
            + " join Vehicle v on v.id = j.vehicleId and v.garageId = j.garageId"
            + " left join Staff a on a.id = j.advisorId and a.garageId = j.garageId"
            + " where j.garageId = :garage and array_has(:jobs, j.id)";
    private static final String OF_CUSTOMER = " and j.customerId = :customer";
    private static final String TECHNICIANS = "select a.jobId, a.technicianId, s from JobAssignment a"
            + " left join Staff s on s.id = a.technicianId and s.garageId = a.garageId"
            + " where array_has(:jobs, a.jobId) order by a.assignedAt, a.technicianId";
    private static final String STEPS = "from JobStep where array_has(:jobs, jobId) order by position";
    private static final String LINES = "from EstimateLine where array_has(:jobs, jobId)";
    private static final String PRICED_LINES = " and awaitingPrice = false";
    private static final String LINES_ORDER = " order by position";
    private static final String NOTES = "select n, s from JobNote n"
            + " left join Staff s on s.id = n.authorStaffId and s.garageId = n.garageId"
            + " where array_has(:jobs, n.jobId)";
    private static final String SHARED_NOTES = " and n.visibility = :visibility";
    private static final String NOTES_ORDER = " order by n.createdAt, n.id";

    /** The garage's jobs among these ids, with every note and line; one deleted meanwhile is absent. */
    public Uni<List<JobCardDetail>> forStaff(UUID garageId, List<UUID> ids) {
        return load(ids, HEAD, Map.of("garage", garageId), LINES + LINES_ORDER, NOTES + NOTES_ORDER, Map.of());
    }

    /** The customer's own jobs among these ids, with the notes shared with them and the lines with a price. */
    public Uni<List<JobCardDetail>> forCustomer(UUID garageId, UUID customerId, List<UUID> ids) {
        return load(ids, HEAD + OF_CUSTOMER, Map.of("garage", garageId, "customer", customerId),
                LINES + PRICED_LINES + LINES_ORDER, NOTES + SHARED_NOTES + NOTES_ORDER,
                Map.of("visibility", NoteVisibility.CUSTOMER));
    }

    private static Uni<List<JobCardDetail>> load(List<UUID> ids, String head, Map<String, Object> headFilter,
            String lines, String notes, Map<String, Object> notesFilter) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        var parts = new Parts();
        return list(head, Object[].class, ids, headFilter).chain(heads -> {
            List<UUID> jobs = parts.heads(heads);
            if (jobs.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return list(TECHNICIANS, Object[].class, jobs, Map.of()).invoke(parts::technicians)
                    .chain(() -> list(STEPS, JobStep.class, jobs, Map.of()))
                    .invoke(steps -> parts.steps = steps)
                    .chain(() -> list(lines, EstimateLine.class, jobs, Map.of()))
                    .invoke(rows -> parts.lines = rows)
                    .chain(() -> list(notes, Object[].class, jobs, notesFilter)).map(parts::build);
        });
    }

    /** One statement of the batch: the jobs bound as one array, so its translation is kept for any count. */
    private static <T> Uni<List<T>> list(String query, Class<T> type, List<UUID> jobs, Map<String, Object> filter) {
        return Panache.getSession().chain(session -> {
            var selection = session.createSelectionQuery(query, type);
            filter.forEach(selection::setParameter);
            selection.setParameter("jobs", jobs.toArray(UUID[]::new));
            return selection.getResultList();
        });
    }

    /** The rows of the jobs found, gathered one statement at a time. */
    private static final class Parts {
        private List<Object[]> heads;
        private final Map<UUID, Staff> staff = new HashMap<>();
        private final Map<UUID, List<UUID>> technicians = new HashMap<>();
        private List<JobStep> steps;
        private List<EstimateLine> lines;

        /** Keeps the jobs found with their garage, customer, vehicle and advisor; answers their ids. */
        List<UUID> heads(List<Object[]> rows) {
            heads = rows;
            rows.forEach(row -> mention((Staff) row[4]));
            return rows.stream().map(row -> ((JobCard) row[0]).id).toList();
        }

        void technicians(List<Object[]> rows) {
            for (Object[] row : rows) {
                technicians.computeIfAbsent((UUID) row[0], job -> new ArrayList<>()).add((UUID) row[1]);
                mention((Staff) row[2]);
            }
        }

        List<JobCardDetail> build(List<Object[]> noteRows) {
            Map<UUID, List<JobNote>> notesOf = new HashMap<>();
            for (Object[] row : noteRows) {
                JobNote note = (JobNote) row[0];
                notesOf.computeIfAbsent(note.jobId, job -> new ArrayList<>()).add(note);
                mention((Staff) row[1]);
            }
            Map<UUID, List<JobStep>> stepsOf = steps.stream().collect(Collectors.groupingBy(s -> s.jobId));
            Map<UUID, List<EstimateLine>> linesOf = lines.stream().collect(Collectors.groupingBy(l -> l.jobId));
            return heads.stream().map(row -> {
                JobCard job = (JobCard) row[0];
                return new JobCardDetail((Garage) row[1], job, (Customer) row[2], (Vehicle) row[3],
                        technicians.getOrDefault(job.id, List.of()), staff, stepsOf.getOrDefault(job.id, List.of()),
                        linesOf.getOrDefault(job.id, List.of()), notesOf.getOrDefault(job.id, List.of()));
            }).toList();
        }

        private void mention(Staff member) {
            if (member != null) {
                staff.put(member.id, member);
            }
        }
    }
}
