package com.garage.mobile.domain.analytics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The critical journeys, each as its ordered steps (event names sharing one journey id: the job,
 * the appointment, the push).
 */
public enum Funnel {
    ESTIMATE_APPROVAL(List.of("estimate.published", "estimate.viewed", "estimate.approved", "payment.succeeded")),
    APPOINTMENT(List.of("appointment.requested", "appointment.confirmed", "appointment.checked-in")),
    INSPECTION(List.of("job.clocked-on", "inspection.published")),
    PUSH(List.of("push.sent", "push.opened"));

    private final List<String> steps;

    Funnel(List<String> steps) {
        this.steps = steps;
    }

    public List<String> steps() {
        return steps;
    }

    /** The funnel's name in URLs: {@code estimate-approval}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Funnel> ofSlug(String slug) {
        for (Funnel funnel : values()) {
            if (funnel.slug().equals(slug)) {
                return Optional.of(funnel);
            }
        }
        return Optional.empty();
    }
}
