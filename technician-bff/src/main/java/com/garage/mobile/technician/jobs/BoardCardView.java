package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.job.JobStatus;
import java.time.Instant;
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

    static BoardCardView of(BoardCard card, Instant now) {
        boolean overdue = card.promisedAt() != null && card.promisedAt().isBefore(now) && !card.status().isFinished()
                && card.status() != JobStatus.READY_FOR_PICKUP;
        return new BoardCardView(card.id(), card.number(), card.status(), card.version(), card.promisedAt(), overdue,
                card.concern(), card.vehicle(), card.customerName(), card.stepsDone(), card.stepsTotal(),
                card.redItems());
    }
}
