package com.garage.mobile.domain.estimate;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Reads estimates and approval records: a customer reads those of their own jobs, staff those of
 * their garage; anything else is not found.
 */
@ApplicationScoped
public class EstimateApprovals {

    private final JobCardRepository jobs;
    private final EstimateSheets sheets;

    public EstimateApprovals(JobCardRepository jobs, EstimateSheets sheets) {
        this.jobs = jobs;
        this.sheets = sheets;
    }

    @WithSession
    public Uni<CustomerEstimate> estimate(Actor viewer, UUID jobId) {
        return job(viewer, jobId).chain(sheets::of);
    }

    @WithSession
    public Uni<List<EstimateApproval>> ofJob(Actor viewer, UUID jobId) {
        return job(viewer, jobId).chain(job -> EstimateApproval.<EstimateApproval>list(
                "garageId = ?1 and jobId = ?2 order by decidedAt, id", job.garageId, job.id));
    }

    /** A record and the number of its job, as its PDF names it. */
    public record Filed(EstimateApproval approval, int jobNumber) {
    }

    @WithSession
    public Uni<Filed> one(Actor viewer, UUID approvalId) {
        Uni<EstimateApproval> found = viewer.isCustomer()
                ? EstimateApproval.find("garageId = ?1 and customerId = ?2 and id = ?3", viewer.garageId(),
                        viewer.personId(), approvalId).firstResult()
                : EstimateApproval.find("garageId = ?1 and id = ?2", viewer.garageId(), approvalId).firstResult();
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("Approval record"))
                .chain(approval -> JobCard.<JobCard>findById(approval.jobId)
                        .map(job -> new Filed(approval, job.number)));
    }

    private Uni<JobCard> job(Actor viewer, UUID jobId) {
        return viewer.isCustomer()
                ? jobs.requireOfCustomer(viewer.garageId(), viewer.personId(), jobId)
                : jobs.requireInGarage(viewer.garageId(), jobId);
    }
}
