package com.garage.mobile.domain.inspection;

import java.math.BigDecimal;
import java.util.Map;

/** What the technician records on an item: a condition (null: not yet inspected), a note, measured values by key. */
public record ItemFinding(ItemCondition condition, String note, Map<String, BigDecimal> measurements) {
}
