package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.recommendation.DueService.Assessment;
import com.garage.mobile.domain.recommendation.DueService.LastDone;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The services of a vehicle's intervals that are due or due soon, each anchored to the visit that
 * last did it: the subject {@code service:<code>@<day last done or never>} stays the same for one
 * service cycle, so a cycle's recommendation is updated, not repeated, and the next cycle is new.
 */
public final class DueServices {

    private DueServices() {
    }

    /** Each interval's service that falls due within the horizon. */
    public static List<Assessment> assess(List<ServiceInterval> intervals, List<ServiceVisit> visits, int currentKm,
            double kmPerDay, LocalDate today, LastDone firstKnown, int horizonDays) {
        return intervals.stream().flatMap(interval -> {
            Optional<ServiceVisit> last = visits.stream().filter(visit -> interval.doneBy(visit.work()))
                    .max(Comparator.comparing(ServiceVisit::on));
            return DueService.assess(interval, last.map(visit -> new LastDone(visit.on(), visit.km())), currentKm,
                    kmPerDay, today, firstKnown, horizonDays).stream();
        }).toList();
    }

    /** The due services as the customer's recommendations. */
    public static List<Candidate> candidates(List<Assessment> due) {
        return due.stream().map(DueServices::candidate).toList();
    }

    /** The due services as the technician's suggestions: overdue (0.9) ranks above due soon (0.6). */
    public static List<Suggestion> suggestions(List<Assessment> due) {
        return due.stream().map(service -> new Suggestion(JobSignals.work(service.interval().name()),
                service.overdue() ? 0.9 : 0.6, Suggestion.Source.SERVICE_DUE, service.reasons(), service.evidence()))
                .toList();
    }

    private static Candidate candidate(Assessment due) {
        String anchor = due.evidence().getOrDefault("lastDoneOn", "never").toString();
        String title = due.interval().name() + (due.overdue() ? " is due" : " is due soon");
        return new Candidate(RecommendationKind.SERVICE_DUE, "service:" + due.interval().code() + "@" + anchor,
                title, due.reasons(), due.evidence(), due.dueOn());
    }
}
