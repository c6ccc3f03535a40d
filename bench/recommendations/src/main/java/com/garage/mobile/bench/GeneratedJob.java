package com.garage.mobile.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One generated job: its vehicle, day, odometer at check-in, concern, codes read and the work done. */
record GeneratedJob(int vehicle, LocalDate on, int km, String concern, List<String> codes, Set<String> work) {
}
