package com.garage.mobile.technician.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.garage.mobile.domain.paging.Page;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the board as sent. The board answers with its cached bytes, so neither OpenAPI nor the
 * native image learns its shape from the resource method: OpenAPI learns it here, and Jackson's
 * reflection over these records is registered here.
 */
@Schema(name = "PageBoardCardView")
@RegisterForReflection(targets = { BoardPage.class, BoardCardView.class, BoardCardView.VehicleSummary.class })
@JsonInclude(JsonInclude.Include.NON_NULL)
record BoardPage(List<BoardCardView> items, boolean hasMore, String nextCursor) {

    static BoardPage of(Page<BoardCardView> page) {
        return new BoardPage(page.items(), page.hasMore(), page.nextCursor());
    }
}
