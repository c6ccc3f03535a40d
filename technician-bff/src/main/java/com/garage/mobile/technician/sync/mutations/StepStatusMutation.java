package com.garage.mobile.technician.sync.mutations;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobStep;
import com.garage.mobile.domain.job.JobStepService;
import com.garage.mobile.platform.offline.MutationHandler;
import com.garage.mobile.technician.jobs.JobCardView.StepView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code job-step set-status}: a step started, done, skipped or reopened in the bay. */
@ApplicationScoped
public class StepStatusMutation implements MutationHandler<StepStatusPayload> {

    private final JobStepService steps;

    public StepStatusMutation(JobStepService steps) {
        this.steps = steps;
    }

    @Override
    public String entityName() {
        return "job-step";
    }

    @Override
    public String operationName() {
        return "set-status";
    }

    @Override
    public String action() {
        return JobStepService.ACTION;
    }

    @Override
    public String resourceType() {
        return "job-step";
    }

    @Override
    public Class<StepStatusPayload> payloadType() {
        return StepStatusPayload.class;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID stepId, Long baseVersion, StepStatusPayload payload) {
        return steps.changeStatus(actor, stepId, payload.status(), baseVersion)
                .map(changed -> Applied.of(view(changed.row()), changed.row().version, changed));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID stepId) {
        return steps.require(actor, stepId).map(step -> Applied.of(view(step), step.version));
    }

    static StepView view(JobStep step) {
        return new StepView(step.id, step.position, step.title, step.status, step.completedAt, step.version);
    }
}
