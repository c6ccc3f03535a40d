package com.garage.mobile.customer.inspections;

import com.garage.mobile.api.inspections.MediaLink;
import com.garage.mobile.api.inspections.MeasurementView;
import com.garage.mobile.domain.inspection.InspectionDetail;
import com.garage.mobile.domain.inspection.ItemCondition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published inspection as its customer reads it: the items the garage shows customers, with what
 * was found, measured and photographed. Internal items never appear here.
 */
public record CustomerInspectionView(UUID id, UUID jobId, Instant publishedAt, List<Item> items, long version) {

    public record Item(UUID id, String section, String label, ItemCondition condition, String note,
            List<MeasurementView> measurements, List<MediaLink> media) {
    }

    static CustomerInspectionView of(InspectionDetail detail) {
        var inspection = detail.inspection();
        return new CustomerInspectionView(inspection.id, inspection.jobId, inspection.publishedAt,
                detail.items().stream().map(item -> new Item(item.id, item.section, item.label, item.condition,
                        item.note, MeasurementView.of(item), MediaLink.of(detail.mediaOf(item.id)))).toList(),
                inspection.version);
    }
}
