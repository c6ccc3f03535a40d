package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** The checks every inspection change shares. */
final class InspectionRules {

    private InspectionRules() {
    }

    static void requireOpen(JobCard job) {
        if (job.status.isFinished()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: its inspection can no longer change.".formatted(job.number, job.status));
        }
    }

    static void requireStatus(Inspection inspection, InspectionStatus expected, String refusal) {
        if (inspection.status != expected) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "The inspection is %s: %s".formatted(inspection.status, refusal));
        }
    }

    static void requireVersion(Inspection inspection, long baseVersion) {
        if (inspection.version != baseVersion) {
            throw new StaleVersionException("The inspection", baseVersion, inspection.version);
        }
    }

    static Uni<Inspection> ofJob(UUID garageId, UUID jobId) {
        return Inspection.<Inspection>find("garageId = ?1 and jobId = ?2", garageId, jobId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Inspection"));
    }

    static Uni<InspectionItem> item(UUID garageId, UUID itemId) {
        return InspectionItem.<InspectionItem>find("garageId = ?1 and id = ?2", garageId, itemId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Inspection item"));
    }
}
