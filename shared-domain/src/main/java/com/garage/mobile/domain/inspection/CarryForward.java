package com.garage.mobile.domain.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lays out a new inspection's items: the template's, each with the same key's yellow or red finding
 * from the vehicle's last completed inspection; then that inspection's yellow and red items the
 * template no longer has, so that no open finding drops out of sight.
 */
public final class CarryForward {

    /** An item of the last completed inspection. */
    public record Finding(UUID itemId, String section, TemplateItem item, ItemCondition condition) {
    }

    /** An item the new inspection will have, with the finding it carries, if any. */
    public record ItemDraft(String section, TemplateItem item, UUID previousItemId) {
    }

    private CarryForward() {
    }

    public static List<ItemDraft> plan(List<TemplateSection> template, List<Finding> lastInspection) {
        Map<String, Finding> open = new LinkedHashMap<>();
        lastInspection.stream()
                .filter(finding -> finding.condition() != null && finding.condition().needsAttention())
                .forEach(finding -> open.put(finding.item().key(), finding));
        List<ItemDraft> drafts = new ArrayList<>();
        for (TemplateSection section : template) {
            for (TemplateItem item : section.items()) {
                Finding carried = open.remove(item.key());
                drafts.add(new ItemDraft(section.title(), item, carried != null ? carried.itemId() : null));
            }
        }
        open.values().forEach(finding -> drafts.add(new ItemDraft(finding.section(), finding.item(),
                finding.itemId())));
        return drafts;
    }
}
