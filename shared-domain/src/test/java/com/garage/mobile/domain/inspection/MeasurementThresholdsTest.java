package com.garage.mobile.domain.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeasurementThresholdsTest {

    static final MeasurementSpec TREAD = new MeasurementSpec("tread", "Tread depth", "mm", BadWhen.BELOW,
            new BigDecimal("3"), new BigDecimal("1.6"));
    static final MeasurementSpec PAD = new MeasurementSpec("pad", "Pad thickness", "mm", BadWhen.BELOW,
            new BigDecimal("4"), new BigDecimal("2"));
    static final MeasurementSpec MOISTURE = new MeasurementSpec("moisture", "Water content", "%", BadWhen.ABOVE,
            new BigDecimal("2"), new BigDecimal("3"));

    @Test
    void treadBelowTheRedThresholdSuggestsRedAndAtItOnlyYellow() {
        assertEquals(Optional.of(ItemCondition.RED), MeasurementThresholds.suggest(TREAD, new BigDecimal("1.5")));
        assertEquals(Optional.of(ItemCondition.YELLOW), MeasurementThresholds.suggest(TREAD, new BigDecimal("1.6")));
        assertEquals(Optional.of(ItemCondition.YELLOW), MeasurementThresholds.suggest(TREAD, new BigDecimal("2.9")));
        assertEquals(Optional.of(ItemCondition.GREEN), MeasurementThresholds.suggest(TREAD, new BigDecimal("3")));
        assertEquals(Optional.of(ItemCondition.GREEN), MeasurementThresholds.suggest(TREAD, new BigDecimal("8")));
    }

    @Test
    void aboveIsBadForThresholdsThatSaySo() {
        assertEquals(Optional.of(ItemCondition.GREEN), MeasurementThresholds.suggest(MOISTURE, new BigDecimal("1")));
        assertEquals(Optional.of(ItemCondition.GREEN), MeasurementThresholds.suggest(MOISTURE, new BigDecimal("2")));
        assertEquals(Optional.of(ItemCondition.YELLOW), MeasurementThresholds.suggest(MOISTURE, new BigDecimal("2.5")));
        assertEquals(Optional.of(ItemCondition.RED), MeasurementThresholds.suggest(MOISTURE, new BigDecimal("3.1")));
    }

    @Test
    void aSpecWithOnlyOneThresholdOrNoneSuggestsAccordingly() {
        var redOnly = new MeasurementSpec("play", "Play", "mm", BadWhen.ABOVE, null, new BigDecimal("1"));
        var none = new MeasurementSpec("length", "Length", "mm", BadWhen.ABOVE, null, null);
        assertEquals(Optional.of(ItemCondition.GREEN), MeasurementThresholds.suggest(redOnly, new BigDecimal("0.9")));
        assertEquals(Optional.of(ItemCondition.RED), MeasurementThresholds.suggest(redOnly, new BigDecimal("1.2")));
        assertEquals(Optional.empty(), MeasurementThresholds.suggest(none, new BigDecimal("400")));
        assertEquals(Optional.empty(), MeasurementThresholds.suggest(TREAD, null));
    }

    @Test
    void theWorstMeasurementOfAnItemWinsAndUnmeasuredOnesAreIgnored() {
        List<MeasurementSpec> specs = List.of(TREAD, PAD, MOISTURE);
        assertEquals(Optional.of(ItemCondition.RED), MeasurementThresholds.suggest(specs,
                Map.of("tread", new BigDecimal("5"), "pad", new BigDecimal("3"), "moisture", new BigDecimal("4"))));
        assertEquals(Optional.of(ItemCondition.YELLOW), MeasurementThresholds.suggest(specs,
                Map.of("tread", new BigDecimal("5"), "pad", new BigDecimal("3"))));
        assertEquals(Optional.of(ItemCondition.GREEN), MeasurementThresholds.suggest(specs,
                Map.of("tread", new BigDecimal("5"))));
        assertEquals(Optional.empty(), MeasurementThresholds.suggest(specs, Map.of()));
    }
}
