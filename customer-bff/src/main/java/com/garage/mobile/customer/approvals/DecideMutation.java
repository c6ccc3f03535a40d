package com.garage.mobile.customer.approvals;

import com.garage.mobile.api.estimates.ApprovalView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.estimate.EstimateApprovalService;
import com.garage.mobile.domain.estimate.EstimateApprovals;
import com.garage.mobile.domain.estimate.EstimateRevisedException;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.offline.MutationHandler;
import com.garage.mobile.platform.security.stepup.StrongSignIns;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code estimate decide}: the customer approved or declined lines without signal; the
 * {@code entityId} is the job, the payload the body of {@code POST …/estimate/approvals} with the
 * revision and content hash they were shown. Applied as the online decision, with the strong sign-in
 * of the token that sends the batch; a revised estimate is a conflict answered with the current one.
 */
@ApplicationScoped
public class DecideMutation implements MutationHandler<ApprovalBody> {

    private final JsonWebToken token;
    private final EstimateApprovals estimates;
    private final EstimateApprovalService approvals;

    DecideMutation(JsonWebToken token, EstimateApprovals estimates, EstimateApprovalService approvals) {
        this.token = token;
        this.estimates = estimates;
        this.approvals = approvals;
    }

    @Override
    public String entityName() {
        return "estimate";
    }

    @Override
    public String operationName() {
        return "decide";
    }

    @Override
    public String action() {
        return EstimateApprovalService.ACTION;
    }

    @Override
    public String resourceType() {
        return "job";
    }

    @Override
    public Class<ApprovalBody> payloadType() {
        return ApprovalBody.class;
    }

    /** The revision and content hash in the payload are what the decision was based on. */
    @Override
    public boolean needsBaseVersion() {
        return false;
    }

    @Override
    public String stepUpAction(ApprovalBody payload) {
        return "approve or decline work on your car";
    }

    @Override
    public Uni<Applied> apply(Actor customer, UUID jobId, Long baseVersion, ApprovalBody payload) {
        return approvals.apply(customer, jobId, payload.toRequest(StrongSignIns.of(token)))
                .chain(decided -> estimates.estimate(customer, jobId)
                        .map(estimate -> new Applied(new ApprovalOutcome(ApprovalView.of(decided.row()), estimate),
                                estimate.revision(), decided.events())))
                .onFailure(EstimateRevisedException.class).recoverWithUni(revised -> estimates.estimate(customer, jobId)
                        .chain(current -> Uni.createFrom().<Applied>failure(new ProblemException(
                                revised.problem().withCurrent(ApprovalOutcome.revised(current))))))
                .onFailure(DecideMutation::namesFields).transform(DecideMutation::inPayload);
    }

    private static boolean namesFields(Throwable failure) {
        return failure instanceof ProblemException refusal && refusal.problem().errors() != null;
    }

    /** The service names the body's fields; in a batch they are the payload's. */
    private static ProblemException inPayload(Throwable failure) {
        Problem problem = ((ProblemException) failure).problem();
        return new ProblemException(problem.withErrors(problem.errors().stream()
                .map(error -> new Problem.FieldError("payload." + error.field(), error.message())).toList()));
    }

    @Override
    public Uni<Applied> current(Actor customer, UUID jobId) {
        return estimates.estimate(customer, jobId)
                .map(estimate -> Applied.of(ApprovalOutcome.revised(estimate), estimate.revision()));
    }
}
