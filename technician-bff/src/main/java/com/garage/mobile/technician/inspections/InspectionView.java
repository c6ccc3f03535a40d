package com.garage.mobile.technician.inspections;

import com.garage.mobile.api.inspections.MediaLink;
import com.garage.mobile.api.inspections.MeasurementView;
import com.garage.mobile.domain.inspection.InspectionStatus;
import com.garage.mobile.domain.inspection.ItemCondition;
import com.garage.mobile.platform.web.CompositeView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A job's inspection as staff work on it: every item, its suggestion, its carried-forward finding, its line. */
public record InspectionView(UUID id, UUID jobId, UUID templateId, long templateVersion, InspectionStatus status,
        Counts counts, Instant completedAt, Instant publishedAt, List<ItemView> items, long version)
        implements CompositeView {

    /** Items by condition; {@code notInspected} have none yet. */
    public record Counts(int green, int yellow, int red, int notInspected) {
    }

    /**
     * @param suggestedCondition what the measured values suggest; the technician decides
     * @param previous           the same item's yellow or red finding on the vehicle's last inspection
     * @param estimateLineId     the recommended line this finding became
     */
    public record ItemView(UUID id, int position, String section, String key, String label, boolean customerVisible,
            ItemCondition condition, ItemCondition suggestedCondition, String note, List<MeasurementView> measurements,
            List<MediaLink> media, PreviousFinding previous, UUID estimateLineId, long version) {
    }

    public record PreviousFinding(UUID itemId, UUID jobId, ItemCondition condition, String note,
            List<MeasurementView> measurements, List<MediaLink> media, Instant inspectedAt) {
    }
}
