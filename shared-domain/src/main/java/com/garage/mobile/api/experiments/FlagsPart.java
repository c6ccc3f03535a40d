package com.garage.mobile.api.experiments;

import com.garage.mobile.api.appconfig.AppConfigContribution;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.experiment.Experiment;
import com.garage.mobile.domain.experiment.ExperimentAssignments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/**
 * The app configuration's {@code flags}: flag key → whether it is on for the caller (variant
 * {@code on}). A flag that assigns the caller nothing (outside its ramp or targeting) is off.
 */
@ApplicationScoped
public class FlagsPart implements AppConfigContribution {

    private final ExperimentAssignments assignments;

    public FlagsPart(ExperimentAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public String key() {
        return "flags";
    }

    @Override
    public Uni<?> part(Actor actor, AppBuild build) {
        return assignments.assign(actor, build, Experiment.Kind.FLAG).map(FlagsPart::onOff);
    }

    private static Map<String, Boolean> onOff(Map<String, String> variants) {
        Map<String, Boolean> flags = new TreeMap<>();
        variants.forEach((key, variant) -> flags.put(key, Experiment.ON.equals(variant)));
        return flags;
    }
}
