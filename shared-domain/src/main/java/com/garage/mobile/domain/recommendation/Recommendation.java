package com.garage.mobile.domain.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored recommendation for a vehicle, with its reasons and evidence and what was done with it;
 * {@code appointmentId} is the appointment its booking asked for, null until booked.
 */
public record Recommendation(UUID id, UUID vehicleId, RecommendationKind kind, String title, List<String> reasons,
        Map<String, Object> evidence, LocalDate dueOn, String status, Instant quietUntil, long version,
        Instant createdAt, UUID appointmentId) {
}
