package com.garage.mobile.domain.inspection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What measured values suggest. A value strictly past a threshold on its spec's bad side suggests
 * that threshold's colour (tread 1.5 mm with red below 1.6: red; 1.6 mm: yellow if yellow is below
 * 3); a value within every threshold suggests green. The worst measurement wins. Only a suggestion:
 * the technician sets the condition.
 */
public final class MeasurementThresholds {

    private MeasurementThresholds() {
    }

    /** The suggestion for one value against one spec; empty when the spec has no threshold. */
    public static Optional<ItemCondition> suggest(MeasurementSpec spec, BigDecimal value) {
        if (value == null || (spec.yellowAt() == null && spec.redAt() == null)) {
            return Optional.empty();
        }
        if (past(spec.badWhen(), value, spec.redAt())) {
            return Optional.of(ItemCondition.RED);
        }
        if (past(spec.badWhen(), value, spec.yellowAt())) {
            return Optional.of(ItemCondition.YELLOW);
        }
        return Optional.of(ItemCondition.GREEN);
    }

    /** The worst suggestion over an item's measured values; empty when none was measured against a threshold. */
    public static Optional<ItemCondition> suggest(List<MeasurementSpec> specs, Map<String, BigDecimal> values) {
        if (specs == null || values == null) {
            return Optional.empty();
        }
        return specs.stream()
                .map(spec -> suggest(spec, values.get(spec.key())))
                .flatMap(Optional::stream)
                .reduce(ItemCondition::worse);
    }

    private static boolean past(BadWhen badWhen, BigDecimal value, BigDecimal threshold) {
        if (threshold == null) {
            return false;
        }
        int side = value.compareTo(threshold);
        return badWhen == BadWhen.BELOW ? side < 0 : side > 0;
    }
}
