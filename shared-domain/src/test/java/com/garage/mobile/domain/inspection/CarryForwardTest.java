package com.garage.mobile.domain.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.inspection.CarryForward.Finding;
import com.garage.mobile.domain.inspection.CarryForward.ItemDraft;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CarryForwardTest {

    static final TemplateItem TYRE = item("tyre-front-left");
    static final TemplateItem PADS = item("brake-pads-front");
    static final TemplateItem OIL = item("engine-oil");
    static final List<TemplateSection> TEMPLATE = List.of(new TemplateSection("Tyres", List.of(TYRE)),
            new TemplateSection("Brakes", List.of(PADS, OIL)));

    @Test
    void aNewInspectionOfAVehicleWithoutHistoryIsTheTemplate() {
        List<ItemDraft> drafts = CarryForward.plan(TEMPLATE, List.of());
        assertEquals(List.of("tyre-front-left", "brake-pads-front", "engine-oil"), keys(drafts));
        assertEquals(List.of("Tyres", "Brakes", "Brakes"), drafts.stream().map(ItemDraft::section).toList());
        drafts.forEach(draft -> assertEquals(null, draft.previousItemId()));
    }

    @Test
    void yellowAndRedFindingsAreCarriedToTheItemOfTheSameKeyAndGreenOnesAreNot() {
        UUID tyre = UUID.randomUUID();
        UUID pads = UUID.randomUUID();
        List<ItemDraft> drafts = CarryForward.plan(TEMPLATE, List.of(
                new Finding(tyre, "Tyres", TYRE, ItemCondition.YELLOW),
                new Finding(pads, "Brakes", PADS, ItemCondition.RED),
                new Finding(UUID.randomUUID(), "Brakes", OIL, ItemCondition.GREEN)));
        assertEquals(Arrays.asList(tyre, pads, null), drafts.stream().map(ItemDraft::previousItemId).toList());
    }

    @Test
    void findingsTheTemplateNoLongerHasAreAddedAfterItsItemsInTheirOwnSection() {
        UUID wipers = UUID.randomUUID();
        List<ItemDraft> drafts = CarryForward.plan(TEMPLATE, List.of(
                new Finding(wipers, "Visibility", item("wiper-blades"), ItemCondition.RED),
                new Finding(UUID.randomUUID(), "Visibility", item("washer-fluid"), ItemCondition.GREEN)));
        assertEquals(List.of("tyre-front-left", "brake-pads-front", "engine-oil", "wiper-blades"), keys(drafts));
        assertEquals("Visibility", drafts.get(3).section());
        assertEquals(wipers, drafts.get(3).previousItemId());
    }

    private static TemplateItem item(String key) {
        return new TemplateItem(key, key, true, List.of());
    }

    private static List<String> keys(List<ItemDraft> drafts) {
        return drafts.stream().map(draft -> draft.item().key()).toList();
    }
}
