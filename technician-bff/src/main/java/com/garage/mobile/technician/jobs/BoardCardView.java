package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.job.BoardEntry;
import com.garage.mobile.domain.job.JobStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

/**
 * A job as a card on the board: enough to pick the next car, not the whole job.
 *
 * @param redItems the inspection's items found red, for the advisor's eye
 */
public record BoardCardView(UUID id, int number, JobStatus status, long version, Instant promisedAt,
        boolean overdue, String concern, VehicleSummary vehicle, String customerName, int stepsDone,
        int stepsTotal, long redItems) {

    /** The car, as the technician recognises it in the yard. */
    public record VehicleSummary(UUID id, String make, String model, Short modelYear, String registrationPlate) {
    }

    static BoardCardView of(BoardEntry entry, long redItems, Instant now) {
        var job = entry.job();
        var car = entry.vehicle();
        Instant due = dueBy(job.status, job.promisedAt);
        return new BoardCardView(job.id, job.number, job.status, job.version, job.promisedAt,
                due != null && due.isBefore(now), job.concern,
                new VehicleSummary(car.id, car.make, car.model, car.modelYear, car.registrationPlate),
                entry.customer().displayName(), entry.stepsDone(), entry.stepsTotal(), redItems);
    }

    /**
     * The promise a job is overdue after, while it can still turn overdue: not once it is finished
     * or ready and waiting for its customer.
     */
    static Instant dueBy(JobStatus status, Instant promisedAt) {
        return status.isFinished() || status == JobStatus.READY_FOR_PICKUP ? null : promisedAt;
    }

    /** The last instant these cards, as drawn at {@code now}, stay right: the next promise to fall due. */
    static Instant rightUntil(Collection<BoardCardView> cards, Instant now) {
        return cards.stream().map(card -> dueBy(card.status(), card.promisedAt())).filter(Objects::nonNull)
                .filter(due -> !due.isBefore(now)).min(Instant::compareTo).orElse(null);
    }
}
