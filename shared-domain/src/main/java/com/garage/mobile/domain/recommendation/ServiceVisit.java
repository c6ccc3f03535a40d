package com.garage.mobile.domain.recommendation;

import java.time.LocalDate;

/** A closed job of the vehicle: its day, odometer at check-in (null if not taken) and its work in words. */
public record ServiceVisit(LocalDate on, Integer km, String work) {
}
