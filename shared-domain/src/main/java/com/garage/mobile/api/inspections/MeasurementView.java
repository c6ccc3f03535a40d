package com.garage.mobile.api.inspections;

import com.garage.mobile.domain.inspection.BadWhen;
import com.garage.mobile.domain.inspection.InspectionItem;
import com.garage.mobile.domain.inspection.ItemCondition;
import com.garage.mobile.domain.inspection.MeasurementThresholds;
import java.math.BigDecimal;
import java.util.List;

/** A measurement of an item: what it is, its unit and thresholds, the value taken and what it suggests. */
public record MeasurementView(String key, String label, String unit, BadWhen badWhen, BigDecimal yellowAt,
        BigDecimal redAt, BigDecimal value, ItemCondition suggests) {

    public static List<MeasurementView> of(InspectionItem item) {
        return item.measurementSpecs.stream().map(spec -> {
            BigDecimal value = item.measurements.get(spec.key());
            return new MeasurementView(spec.key(), spec.label(), spec.unit(), spec.badWhen(), spec.yellowAt(),
                    spec.redAt(), value, MeasurementThresholds.suggest(spec, value).orElse(null));
        }).toList();
    }
}
