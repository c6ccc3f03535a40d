package com.garage.mobile.domain.recommendation;

import java.time.LocalDate;
import java.util.Set;

/**
 * One closed job as the model sees it: what was known when it came in ({@code signals}: concern
 * words, trouble codes, season) and the work that followed ({@code work}: normalized step titles and
 * approved lines).
 */
public record JobBasket(String jobId, LocalDate on, Set<String> signals, Set<String> work) {
}
