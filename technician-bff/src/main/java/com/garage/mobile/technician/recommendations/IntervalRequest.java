package com.garage.mobile.technician.recommendations;

import java.util.List;

/** A service interval as the advisor edits it, named by its {@code code} (e.g. {@code oil}). */
public record IntervalRequest(String code, String name, Integer distanceKm, Integer months, List<String> matchTerms) {
}
