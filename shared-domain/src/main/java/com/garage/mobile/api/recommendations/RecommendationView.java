package com.garage.mobile.api.recommendations;

import com.garage.mobile.domain.recommendation.Recommendation;
import com.garage.mobile.domain.recommendation.RecommendationKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recommendation as both apps show it: why ({@code reasons}, sentences), the figures behind it
 * ({@code evidence}), and the one-tap actions the customer app offers.
 */
public record RecommendationView(UUID id, UUID vehicleId, RecommendationKind kind, String title, List<String> reasons,
        Map<String, Object> evidence, LocalDate dueOn, String status, Instant quietUntil, long version,
        UUID appointmentId, List<Action> actions) {

    /**
     * A one-tap action: {@code BOOK} (POST the outcome {@code BOOK}: an appointment is requested for the
     * garage's next morning, named by {@code appointmentId}, which the garage confirms or moves), {@code ASK_IN_CHAT} (open the general conversation with the text
     * prefilled), {@code SNOOZE}, {@code DISMISS}.
     */
    public record Action(String kind, String method, String href, String prefill) {
    }

    public static RecommendationView of(Recommendation recommendation) {
        String outcome = "/api/v1/recommendations/" + recommendation.id() + "/outcome";
        List<Action> actions = List.of("OPEN", "ACCEPTED").contains(recommendation.status())
                ? List.of(new Action("BOOK", "POST", outcome, null),
                        new Action("ASK_IN_CHAT", "POST", "/api/v1/chat/general/messages",
                                "About \"" + recommendation.title() + "\": "),
                        new Action("SNOOZE", "POST", outcome, null), new Action("DISMISS", "POST", outcome, null))
                : List.of(new Action("ASK_IN_CHAT", "POST", "/api/v1/chat/general/messages",
                        "About \"" + recommendation.title() + "\": "));
        return new RecommendationView(recommendation.id(), recommendation.vehicleId(), recommendation.kind(),
                recommendation.title(), recommendation.reasons(), recommendation.evidence(), recommendation.dueOn(),
                recommendation.status(), recommendation.quietUntil(), recommendation.version(),
                recommendation.appointmentId(), actions);
    }
}
