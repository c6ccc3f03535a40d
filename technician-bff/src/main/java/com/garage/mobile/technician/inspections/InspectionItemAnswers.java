package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.inspection.InspectionQueries;
import com.garage.mobile.technician.inspections.InspectionView.ItemView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** An item as staff see it, with its media, carried-forward finding and line: the answer to a change or a conflict. */
@ApplicationScoped
class InspectionItemAnswers {

    private final InspectionQueries queries;

    InspectionItemAnswers(InspectionQueries queries) {
        this.queries = queries;
    }

    Uni<ItemView> current(Actor viewer, UUID itemId) {
        return queries.forStaffByItem(viewer, itemId)
                .map(detail -> detail.items().stream().filter(item -> item.id.equals(itemId)).findFirst()
                        .map(item -> InspectionViews.item(detail, item)).orElseThrow());
    }
}
