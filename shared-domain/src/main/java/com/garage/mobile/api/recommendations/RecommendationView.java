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
     * garage's next morning, named by {@code appointmentId}, which the garage confirms or moves), {@code ACCEPT}
     * (an open one only), {@code SNOOZE}, {@code DISMISS} (POST the outcome), {@code ASK_IN_CHAT} (GET the general
     * conversation and open it with {@code prefill} in the message box).
     */
    public record Action(String kind, String method, String href, String prefill) {
    }

    public static RecommendationView of(Recommendation recommendation) {
        String outcome = "/api/v1/recommendations/" + recommendation.id() + "/outcome";
        Action ask = new Action("ASK_IN_CHAT", "GET", "/api/v1/chat/general",
                "About \"" + recommendation.title() + "\": ");
        List<Action> actions = switch (recommendation.status()) {
            case "OPEN" -> List.of(new Action("BOOK", "POST", outcome, null),
                    new Action("ACCEPT", "POST", outcome, null), ask, new Action("SNOOZE", "POST", outcome, null),
                    new Action("DISMISS", "POST", outcome, null));
            case "ACCEPTED" -> List.of(new Action("BOOK", "POST", outcome, null), ask,
                    new Action("SNOOZE", "POST", outcome, null), new Action("DISMISS", "POST", outcome, null));
            default -> List.of(ask);
        };
        return new RecommendationView(recommendation.id(), recommendation.vehicleId(), recommendation.kind(),
                recommendation.title(), recommendation.reasons(), recommendation.evidence(), recommendation.dueOn(),
                recommendation.status(), recommendation.quietUntil(), recommendation.version(),
                recommendation.appointmentId(), actions);
    }
}
