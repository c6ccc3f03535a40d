package com.garage.mobile.domain.experiment;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The statistics of an experiment's results: the Wilson score interval of a conversion rate, the
 * normal interval of the difference of two rates, and the sample ratio mismatch test (Pearson's
 * chi-squared of the exposed counts against the weights, survival function from Commons Math).
 */
public final class ExperimentStatistics {

    /** The p-value below which the split of exposures is called a sample ratio mismatch. */
    public static final double SRM_ALARM = 0.001;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private ExperimentStatistics() {
    }

    /** A two-sided interval. */
    public record Interval(double low, double high) {
    }

    /** The z of a two-sided interval at the confidence (0.95 → 1.96). */
    public static double z(double confidence) {
        return NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** The Wilson score interval of {@code successes} out of {@code trials}; [0, 1] with no trials. */
    public static Interval wilson(long successes, long trials, double confidence) {
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double z = z(confidence);
        double p = (double) successes / trials;
        double z2 = z * z;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The interval of rate B minus rate A (unpooled normal approximation). */
    public static Interval difference(long successesA, long trialsA, long successesB, long trialsB, double confidence) {
        if (trialsA == 0 || trialsB == 0) {
            return new Interval(-1, 1);
        }
        double a = (double) successesA / trialsA;
        double b = (double) successesB / trialsB;
        double se = Math.sqrt(a * (1 - a) / trialsA + b * (1 - b) / trialsB);
        double z = z(confidence);
        return new Interval(b - a - z * se, b - a + z * se);
    }

    /** Pearson's chi-squared statistic of the observed counts against the expected shares (weights). */
    public static double chiSquared(long[] observed, int[] weights) {
        long total = 0;
        long weightSum = 0;
        for (int i = 0; i < observed.length; i++) {
            total += observed[i];
            weightSum += weights[i];
        }
        double statistic = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = (double) total * weights[i] / weightSum;
            if (expected > 0) {
                statistic += Math.pow(observed[i] - expected, 2) / expected;
            }
        }
        return statistic;
    }

    /** The p-value of a chi-squared statistic with the degrees of freedom (its survival function). */
    public static double chiSquaredPValue(double statistic, int degreesOfFreedom) {
        return 1 - new ChiSquaredDistribution(null, degreesOfFreedom).cumulativeProbability(statistic);
    }

    /** The p-value of the split of exposures; 1 when there is nothing to test (one arm, no exposure). */
    public static double srmPValue(long[] observed, int[] weights) {
        long total = 0;
        for (long count : observed) {
            total += count;
        }
        if (observed.length < 2 || total == 0) {
            return 1;
        }
        return chiSquaredPValue(chiSquared(observed, weights), observed.length - 1);
    }
}
