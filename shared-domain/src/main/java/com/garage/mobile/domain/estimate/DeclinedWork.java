package com.garage.mobile.domain.estimate;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.LineKind;
import com.garage.mobile.domain.job.LineNecessity;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.vehicle.Vehicle;
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
 * Work the customer declined stays with the vehicle for follow-up (the next visit, a reminder):
 * every declined line of the vehicle's jobs, newest decision first. A customer reads their own
 * vehicles, staff their garage's; any other vehicle is not found.
 */
@ApplicationScoped
public class DeclinedWork {

    /** A declined line and the job it was proposed on. Money in minor units of the garage's currency. */
    public record DeclinedLine(UUID lineId, UUID jobId, int jobNumber, LineKind kind, LineNecessity necessity,
            String description, long grossMinor, UUID inspectionItemId, Instant declinedAt, String note) {
    }

    @WithSession
    public Uni<List<DeclinedLine>> ofVehicle(Actor viewer, UUID vehicleId) {
        Uni<Vehicle> vehicle = viewer.isCustomer()
                ? Vehicle.find("garageId = ?1 and customerId = ?2 and id = ?3", viewer.garageId(), viewer.personId(),
                        vehicleId).firstResult()
                : Vehicle.find("garageId = ?1 and id = ?2", viewer.garageId(), vehicleId).firstResult();
        return vehicle.onItem().ifNull().failWith(() -> ProblemException.notFound("Vehicle"))
                .chain(found -> JobCard.<JobCard>list("garageId = ?1 and vehicleId = ?2", found.garageId, found.id))
                .chain(jobs -> jobs.isEmpty() ? Uni.createFrom().item(List.of()) : declined(jobs));
    }

    private static Uni<List<DeclinedLine>> declined(List<JobCard> jobs) {
        Map<UUID, JobCard> byId = jobs.stream().collect(Collectors.toMap(job -> job.id, Function.identity()));
        return EstimateLine.<EstimateLine>list(
                        "array_has(?1, jobId) and approvalStatus = ?2 order by decidedAt desc, id",
                        byId.keySet().toArray(UUID[]::new), ApprovalStatus.DECLINED)
                .map(lines -> lines.stream().map(line -> new DeclinedLine(line.id, line.jobId,
                        byId.get(line.jobId).number, line.kind, line.necessity, line.description, line.grossMinor(),
                        line.inspectionItemId, line.decidedAt, line.decisionNote)).toList());
    }
}
