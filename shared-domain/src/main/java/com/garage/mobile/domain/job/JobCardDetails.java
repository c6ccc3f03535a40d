package com.garage.mobile.domain.job;

import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.problem.ProblemException;
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

/**
 * Loads a job card in five statements: the job with its garage, customer, vehicle and advisor;
 * its technicians; its steps; its lines; its notes with their authors. They run one after another:
 * a reactive Hibernate session does not take concurrent queries, so each statement saved is a
 * round trip saved.
 */
@ApplicationScoped
public class JobCardDetails {

    private static final String HEAD = "select j, g, c, v, a from JobCard j"
            + " join Garage g on g.id = j.garageId"
            + " join Customer c on c.id = j.customerId and c.garageId = j.garageId"
            + " join Vehicle v on v.id = j.vehicleId"
            + " left join Staff a on a.id = j.advisorId and a.garageId = j.garageId"
            + " where j.garageId = :garage and j.id = :job";
    private static final String OF_CUSTOMER = " and j.customerId = :customer";
    private static final String TECHNICIANS = "select a.technicianId, s from JobAssignment a"
            + " left join Staff s on s.id = a.technicianId and s.garageId = a.garageId"
            + " where a.jobId = :job order by a.assignedAt, a.technicianId";
    private static final String NOTES = "select n, s from JobNote n"
            + " left join Staff s on s.id = n.authorStaffId and s.garageId = n.garageId where n.jobId = :job";
    private static final String SHARED_NOTES = " and n.visibility = :visibility";
    private static final String NOTES_ORDER = " order by n.createdAt, n.id";

    /** A job of the garage, with every note and line; 404 when the garage has no such job. */
    public Uni<JobCardDetail> forStaff(UUID garageId, UUID jobId) {
        return head(HEAD, Map.of("garage", garageId, "job", jobId)).chain(parts -> load(parts,
                NOTES + NOTES_ORDER, Map.of("job", jobId),
                EstimateLine.list("jobId = ?1 order by position", jobId)));
    }

    /** The customer's own job, with its shared notes and the lines with a price; 404 for anyone else's. */
    public Uni<JobCardDetail> forCustomer(UUID garageId, UUID customerId, UUID jobId) {
        return head(HEAD + OF_CUSTOMER, Map.of("garage", garageId, "job", jobId, "customer", customerId))
                .chain(parts -> load(parts, NOTES + SHARED_NOTES + NOTES_ORDER,
                        Map.of("job", jobId, "visibility", NoteVisibility.CUSTOMER),
                        EstimateLine.list("jobId = ?1 and awaitingPrice = false order by position", jobId)));
    }

    private static Uni<Parts> head(String query, Map<String, Object> parameters) {
        return rows(query, parameters).map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("Job");
            }
            return new Parts(rows.get(0));
        });
    }

    private static Uni<JobCardDetail> load(Parts parts, String notesQuery, Map<String, Object> notesParameters,
            Uni<List<EstimateLine>> linesQuery) {
        UUID jobId = parts.job.id;
        return rows(TECHNICIANS, Map.of("job", jobId)).invoke(parts::technicians)
                .chain(() -> JobStep.<JobStep>list("jobId = ?1 order by position", jobId))
                .invoke(steps -> parts.steps = steps)
                .chain(() -> linesQuery).invoke(lines -> parts.lines = lines)
                .chain(() -> rows(notesQuery, notesParameters)).map(parts::build);
    }

    private static Uni<List<Object[]>> rows(String query, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var selection = session.createSelectionQuery(query, Object[].class);
            parameters.forEach(selection::setParameter);
            return selection.getResultList();
        });
    }

    /** The parts gathered so far; filled in one statement at a time. */
    private static final class Parts {
        private final Garage garage;
        private final JobCard job;
        private final Customer customer;
        private final Vehicle vehicle;
        private final Map<UUID, Staff> staff = new HashMap<>();
        private final List<UUID> technicianIds = new ArrayList<>();
        private List<JobStep> steps;
        private List<EstimateLine> lines;

        Parts(Object[] head) {
            job = (JobCard) head[0];
            garage = (Garage) head[1];
            customer = (Customer) head[2];
            vehicle = (Vehicle) head[3];
            mention((Staff) head[4]);
        }

        void technicians(List<Object[]> rows) {
            for (Object[] row : rows) {
                technicianIds.add((UUID) row[0]);
                mention((Staff) row[1]);
            }
        }

        JobCardDetail build(List<Object[]> noteRows) {
            List<JobNote> notes = new ArrayList<>(noteRows.size());
            for (Object[] row : noteRows) {
                notes.add((JobNote) row[0]);
                mention((Staff) row[1]);
            }
            return new JobCardDetail(garage, job, customer, vehicle, technicianIds, staff, steps, lines, notes);
        }

        private void mention(Staff member) {
            if (member != null) {
                staff.put(member.id, member);
            }
        }
    }
}
