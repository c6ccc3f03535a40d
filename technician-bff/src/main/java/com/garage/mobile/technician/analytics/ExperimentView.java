package com.garage.mobile.technician.analytics;

import com.garage.mobile.domain.experiment.Experiment;
import com.garage.mobile.domain.experiment.Targeting;
import com.garage.mobile.domain.experiment.Variant;
import com.garage.mobile.platform.web.VersionedView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An experiment or flag as admins see it, with its sample ratio alarm if one was raised. */
public record ExperimentView(UUID id, String key, String kind, String unit, List<Variant> variants, Targeting targeting,
        int exposurePercent, String status, String shippedVariant, String goalEvent, Instant srmAlarmAt,
        long version) implements VersionedView {

    static ExperimentView of(Experiment experiment) {
        return new ExperimentView(experiment.id(), experiment.key(), experiment.kind().name(), experiment.unit().name(),
                experiment.variants(), experiment.targeting(), experiment.exposurePercent(), experiment.status().name(),
                experiment.shippedVariant(), experiment.goalEvent(), experiment.srmFlaggedAt(), experiment.version());
    }
}
