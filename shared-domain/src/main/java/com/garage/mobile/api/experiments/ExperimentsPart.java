package com.garage.mobile.api.experiments;

import com.garage.mobile.api.appconfig.AppConfigContribution;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.experiment.Experiment;
import com.garage.mobile.domain.experiment.ExperimentAssignments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The app configuration's {@code experiments}: experiment key → the caller's variant, for those that assign one. */
@ApplicationScoped
public class ExperimentsPart implements AppConfigContribution {

    private final ExperimentAssignments assignments;

    public ExperimentsPart(ExperimentAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public String key() {
        return "experiments";
    }

    @Override
    public Uni<?> part(Actor actor, AppBuild build) {
        return assignments.assign(actor, build, Experiment.Kind.EXPERIMENT);
    }
}
