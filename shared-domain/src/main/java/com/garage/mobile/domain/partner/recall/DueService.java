package com.garage.mobile.domain.partner.recall;

import java.time.LocalDate;

/**
 * A programme service on a vehicle and when it falls due: at {@code dueAtKm} or on {@code dueOn},
 * whichever comes first; {@code overdue} once either is passed.
 */
public record DueService(String code, String name, Integer dueAtKm, LocalDate dueOn, boolean overdue) {
}
