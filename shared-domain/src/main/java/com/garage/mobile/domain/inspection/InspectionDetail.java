package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.media.Media;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An inspection with its items and what the items show beside them.
 *
 * @param previous   carried-forward findings, by their own item id
 * @param media      stored media, by item id (this inspection's and the carried-forward ones)
 * @param lineByItem the recommended estimate line of each finding, by item id
 */
public record InspectionDetail(Inspection inspection, List<InspectionItem> items, Map<UUID, InspectionItem> previous,
        Map<UUID, List<Media>> media, Map<UUID, UUID> lineByItem) {

    public List<Media> mediaOf(UUID itemId) {
        return media.getOrDefault(itemId, List.of());
    }
}
