package com.garage.mobile.domain.estimate;

import com.garage.mobile.domain.estimate.ApprovalRequest.Choice;
import com.garage.mobile.domain.estimate.EstimateApprovalService.Chosen;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a signed decision must satisfy before anything is written. */
final class ApprovalRules {

    /** Once the car is ready or the job is over, the estimate is what was done. */
    private static final Set<JobStatus> DECIDED_BY_NOW = EnumSet.of(JobStatus.READY_FOR_PICKUP, JobStatus.CLOSED,
            JobStatus.CANCELLED);

    private ApprovalRules() {
    }

    static void requireWellFormed(ApprovalRequest request) {
        if (request.choices().isEmpty() == (request.all() == null)) {
            throw ProblemException.invalidField("decisions", "name the lines you decide, or send `all`, not both");
        }
        Set<UUID> named = new HashSet<>();
        for (Choice choice : request.choices()) {
            if (!named.add(choice.lineId())) {
                throw ProblemException.invalidField("decisions", "names line " + choice.lineId() + " twice");
            }
        }
        Signature signature = request.signature();
        boolean typed = signature.typedName() != null && !signature.typedName().isBlank();
        if (typed == signature.drawn()) {
            throw ProblemException.invalidField("signature", "sign with either a typed name or drawn strokes");
        }
    }

    static void requireOpen(JobCard job) {
        if (DECIDED_BY_NOW.contains(job.status)) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: its estimate can no longer be changed.".formatted(job.number, job.status));
        }
    }

    static void requireSameEstimate(ApprovalRequest request, CustomerEstimate current) {
        if (request.revision() != current.revision() || !current.contentHash().equals(request.contentHash())) {
            throw new EstimateRevisedException(request.revision(), current.revision());
        }
    }

    /** The lines decided: each named one, or every line still awaiting the customer. */
    static List<Chosen> choices(ApprovalRequest request, List<EstimateLine> lines) {
        if (request.all() != null) {
            List<Chosen> pending = lines.stream().filter(line -> line.approvalStatus == ApprovalStatus.PENDING)
                    .map(line -> new Chosen(line, request.all(), null)).toList();
            if (pending.isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_TRANSITION, "No line awaits your decision.");
            }
            return pending;
        }
        Map<UUID, EstimateLine> byId = lines.stream().collect(Collectors.toMap(line -> line.id, Function.identity()));
        return request.choices().stream().map(choice -> {
            EstimateLine line = byId.get(choice.lineId());
            if (line == null) {
                throw ProblemException.notFound("Estimate line");
            }
            if (line.approvalStatus != ApprovalStatus.PENDING) {
                throw new ProblemException(ProblemType.INVALID_TRANSITION, "The line \"%s\" was already %s."
                        .formatted(line.description, line.approvalStatus.name().toLowerCase()));
            }
            return new Chosen(line, choice.decision(), choice.note());
        }).toList();
    }
}
