package com.garage.mobile.technician.recommendations;

import java.util.List;

/** A service interval as the advisor edits it; the code comes from the path. */
public record IntervalRequest(String name, Integer distanceKm, Integer months, List<String> matchTerms) {
}
