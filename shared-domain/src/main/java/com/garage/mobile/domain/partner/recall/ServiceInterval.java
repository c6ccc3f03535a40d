package com.garage.mobile.domain.partner.recall;

/**
 * A manufacturer's maintenance item: due every {@code everyKm} kilometres or every {@code everyMonths}
 * months, whichever comes first (either may be 0: not by that measure).
 */
public record ServiceInterval(String code, String name, int everyKm, int everyMonths) {
}
