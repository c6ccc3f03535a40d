package com.garage.mobile.domain.experiment;

import java.util.List;
import java.util.UUID;

/**
 * An experiment's results per variant and its sample ratio check: the p-value of the exposed
 * split against the weights, and whether it is below {@link ExperimentStatistics#SRM_ALARM}.
 */
public record ExperimentReport(UUID experimentId, String key, String goalEvent, List<VariantResult> variants,
        double srmPValue, boolean srmAlarm) {
}
