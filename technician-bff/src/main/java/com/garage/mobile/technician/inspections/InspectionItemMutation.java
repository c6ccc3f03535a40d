package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.inspection.InspectionItemService;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code inspection-item update}: an item recorded in the bay without signal. */
@ApplicationScoped
public class InspectionItemMutation implements MutationHandler<InspectionItemPayload> {

    private final InspectionItemService items;
    private final InspectionItemAnswers answers;

    InspectionItemMutation(InspectionItemService items, InspectionItemAnswers answers) {
        this.items = items;
        this.answers = answers;
    }

    @Override
    public String entityName() {
        return "inspection-item";
    }

    @Override
    public String operationName() {
        return "update";
    }

    @Override
    public String action() {
        return InspectionItemService.ACTION;
    }

    @Override
    public String resourceType() {
        return "inspection-item";
    }

    @Override
    public Class<InspectionItemPayload> payloadType() {
        return InspectionItemPayload.class;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID itemId, Long baseVersion, InspectionItemPayload payload) {
        return items.update(actor, itemId, baseVersion, payload.finding())
                .chain(changed -> answers.current(actor, itemId)
                        .map(view -> Applied.of(view, view.version(), changed)));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID itemId) {
        return answers.current(actor, itemId).map(view -> Applied.of(view, view.version()));
    }
}
