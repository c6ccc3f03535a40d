package com.garage.mobile.domain.experiment;

/**
 * One variant's outcome: units exposed, those that reached the goal after their exposure, the
 * conversion with its 95 % Wilson interval, and the 95 % interval of its difference from the
 * first variant (the control).
 */
public record VariantResult(String name, int weight, long exposed, long converted, double conversion,
        ExperimentStatistics.Interval interval, ExperimentStatistics.Interval differenceFromControl) {
}
