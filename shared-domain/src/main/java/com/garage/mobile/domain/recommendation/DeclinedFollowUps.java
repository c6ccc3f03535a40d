package com.garage.mobile.domain.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Work the customer declined, proposed again: one recommendation per declined line that no later job
 * of the vehicle did (the query leaves those out), while the decision is younger than the follow-up
 * window. A line an inspection found red is said so: that is why it was proposed.
 */
public final class DeclinedFollowUps {

    /** A declined line: its job number, description, gross price, decision and the finding behind it. */
    public record Declined(UUID lineId, int jobNumber, String description, long grossMinor, String currency,
            Instant declinedAt, String finding) {
    }

    private DeclinedFollowUps() {
    }

    public static List<Candidate> of(List<Declined> declined) {
        return declined.stream().map(DeclinedFollowUps::candidate).toList();
    }

    private static Candidate candidate(Declined line) {
        LocalDate on = line.declinedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        String reason = "You declined \"%s\" on job %d on %s.".formatted(line.description(), line.jobNumber(), on);
        List<String> reasons = line.finding() == null ? List.of(reason)
                : List.of(reason, "The inspection found: " + line.finding() + ".");
        return new Candidate(RecommendationKind.DECLINED_FOLLOW_UP, "declined:" + line.lineId(),
                line.description(), reasons, Map.of("lineId", line.lineId().toString(), "jobNumber", line.jobNumber(),
                        "declinedOn", on.toString(), "priceMinor", line.grossMinor(), "currency", line.currency()),
                null);
    }
}
