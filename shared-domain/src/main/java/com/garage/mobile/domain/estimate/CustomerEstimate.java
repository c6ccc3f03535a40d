package com.garage.mobile.domain.estimate;

import com.garage.mobile.domain.inspection.ItemCondition;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.LineKind;
import com.garage.mobile.domain.job.LineNecessity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job's estimate as its customer sees it at one revision: the priced lines grouped by the concern
 * the customer came with and by the inspection findings, with totals computed here only. Money in
 * minor units of {@code currency}; {@code contentHash} is the SHA-256 of {@link ShownContent}'s
 * canonical form of these lines and prices.
 */
public record CustomerEstimate(UUID jobId, int jobNumber, int revision, String currency, String contentHash,
        List<Group> groups, Totals totals) {

    /** Lines the customer came in for ({@code inspectionItemId} null) or lines one finding recommends. */
    public record Group(String title, UUID inspectionItemId, ItemCondition condition, List<UUID> photoMediaIds,
            List<Line> lines) {
    }

    public record Line(UUID id, LineKind kind, String description, LineNecessity necessity, BigDecimal quantity,
            long unitPriceMinor, int taxRateBp, long netMinor, long taxMinor, long grossMinor,
            ApprovalStatus approvalStatus, Instant decidedAt, String decisionNote, long version) {
    }

    /** Everything shown, then what the customer approved, what is required and what still awaits them. */
    public record Totals(long netMinor, long taxMinor, long grossMinor, long approvedGrossMinor,
            long requiredGrossMinor, long recommendedGrossMinor, int awaitingDecision) {
    }

    public List<Line> lines() {
        return groups.stream().flatMap(group -> group.lines().stream()).toList();
    }
}
