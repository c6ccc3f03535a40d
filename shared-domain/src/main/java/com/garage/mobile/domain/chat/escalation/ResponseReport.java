package com.garage.mobile.domain.chat.escalation;

import java.time.LocalDate;
import java.util.List;

/** A garage's response figures over {@code from}-{@code to} (both included, dates in {@code timeZone}). */
public record ResponseReport(LocalDate from, LocalDate to, String timeZone, ResponseFigures total,
        List<ResponseFigures> byPriority) {
}
