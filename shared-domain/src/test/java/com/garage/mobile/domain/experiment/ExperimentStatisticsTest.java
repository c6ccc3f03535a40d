package com.garage.mobile.domain.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known values from statistical tables and SciPy ({@code scipy.stats.chi2.sf}). */
class ExperimentStatisticsTest {

    @Test
    void chiSquaredSurvivalMatchesKnownValues() {
        assertEquals(6.334248366623988e-05, ExperimentStatistics.chiSquaredPValue(16, 1), 1e-12);
        assertEquals(0.0009997657195830916, ExperimentStatistics.chiSquaredPValue(10.828, 1), 1e-10);
        assertEquals(0.050013683763956804, ExperimentStatistics.chiSquaredPValue(3.841, 1), 1e-10);
        assertEquals(0.00016974243555282632, ExperimentStatistics.chiSquaredPValue(20, 3), 1e-12);
    }

    @Test
    void aSkewedSplitRaisesTheAlarmAndAFairOneDoesNot() {
        assertEquals(16.0, ExperimentStatistics.chiSquared(new long[] {5200, 4800}, new int[] {50, 50}), 1e-9);
        assertTrue(ExperimentStatistics.srmPValue(new long[] {5200, 4800}, new int[] {50, 50})
                < ExperimentStatistics.SRM_ALARM);
        assertFalse(ExperimentStatistics.srmPValue(new long[] {5040, 4960}, new int[] {50, 50})
                < ExperimentStatistics.SRM_ALARM);
        // 90/10 weights with a 90/10 split is fair
        assertEquals(1.0, ExperimentStatistics.srmPValue(new long[] {900, 100}, new int[] {90, 10}), 1e-12);
        assertEquals(1.0, ExperimentStatistics.srmPValue(new long[] {0, 0}, new int[] {50, 50}));
    }

    @Test
    void wilsonIntervalMatchesTheTextbook() {
        ExperimentStatistics.Interval half = ExperimentStatistics.wilson(50, 100, 0.95);
        assertEquals(0.4038, half.low(), 1e-4);
        assertEquals(0.5962, half.high(), 1e-4);
        ExperimentStatistics.Interval none = ExperimentStatistics.wilson(0, 20, 0.95);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.1611, none.high(), 1e-4);
        assertEquals(1.959964, ExperimentStatistics.z(0.95), 1e-6);
    }

    @Test
    void theDifferenceIntervalIsCentredOnTheDifference() {
        ExperimentStatistics.Interval difference = ExperimentStatistics.difference(100, 1000, 150, 1000, 0.95);
        assertEquals(0.05, (difference.low() + difference.high()) / 2, 1e-12);
        // se = sqrt(.1*.9/1000 + .15*.85/1000) = 0.014748
        assertEquals(0.05 - 1.959964 * 0.0147479, difference.low(), 1e-5);
    }
}
