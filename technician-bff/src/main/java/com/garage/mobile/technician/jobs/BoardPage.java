package com.garage.mobile.technician.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.garage.mobile.domain.paging.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the board as sent: the board answers with its cached bytes, so OpenAPI learns its shape here. */
@Schema(name = "PageBoardCardView")
@JsonInclude(JsonInclude.Include.NON_NULL)
record BoardPage(List<BoardCardView> items, boolean hasMore, String nextCursor) {

    static BoardPage of(Page<BoardCardView> page) {
        return new BoardPage(page.items(), page.hasMore(), page.nextCursor());
    }
}
