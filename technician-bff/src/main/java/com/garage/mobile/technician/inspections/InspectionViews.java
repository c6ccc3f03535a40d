package com.garage.mobile.technician.inspections;

import com.garage.mobile.api.inspections.MediaLink;
import com.garage.mobile.api.inspections.MeasurementView;
import com.garage.mobile.domain.inspection.InspectionDetail;
import com.garage.mobile.domain.inspection.InspectionItem;
import com.garage.mobile.domain.inspection.ItemCondition;
import com.garage.mobile.domain.media.Media;
import com.garage.mobile.technician.inspections.InspectionView.Counts;
import com.garage.mobile.technician.inspections.InspectionView.ItemView;
import com.garage.mobile.technician.inspections.InspectionView.PreviousFinding;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Shapes an inspection for staff. */
final class InspectionViews {

    private InspectionViews() {
    }

    static InspectionView of(InspectionDetail detail) {
        var inspection = detail.inspection();
        return new InspectionView(inspection.id, inspection.jobId, inspection.templateId, inspection.templateVersion,
                inspection.status, counts(detail.items()), inspection.completedAt, inspection.publishedAt,
                detail.items().stream().map(item -> item(detail, item)).toList(), inspection.version);
    }

    static ItemView item(InspectionDetail detail, InspectionItem item) {
        return item(item, detail.mediaOf(item.id), previous(detail, item.previousItemId),
                detail.lineByItem().get(item.id));
    }

    static ItemView item(InspectionItem item, List<Media> media,
            PreviousFinding previous, UUID lineId) {
        return new ItemView(item.id, item.position, item.section, item.key, item.label, item.customerVisible,
                item.condition, item.suggestedCondition(), item.note, MeasurementView.of(item), MediaLink.of(media),
                previous, lineId, item.version);
    }

    private static PreviousFinding previous(InspectionDetail detail, UUID previousId) {
        InspectionItem earlier = previousId == null ? null : detail.previous().get(previousId);
        if (earlier == null) {
            return null;
        }
        return new PreviousFinding(earlier.id, earlier.jobId, earlier.condition, earlier.note,
                MeasurementView.of(earlier), MediaLink.of(detail.mediaOf(earlier.id)), earlier.updatedAt);
    }

    private static Counts counts(List<InspectionItem> items) {
        Map<ItemCondition, Long> by = items.stream().filter(item -> item.condition != null)
                .collect(Collectors.groupingBy(item -> item.condition,
                        Collectors.counting()));
        return new Counts(by.getOrDefault(ItemCondition.GREEN, 0L).intValue(),
                by.getOrDefault(ItemCondition.YELLOW, 0L).intValue(), by.getOrDefault(ItemCondition.RED, 0L).intValue(),
                (int) items.stream().filter(item -> item.condition == null).count());
    }
}
