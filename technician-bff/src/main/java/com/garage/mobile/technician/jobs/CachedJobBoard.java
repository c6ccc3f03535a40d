package com.garage.mobile.technician.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.api.jobs.JobScreens;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.garage.GarageDays;
import com.garage.mobile.domain.inspection.InspectionQueries;
import com.garage.mobile.domain.job.BoardEntry;
import com.garage.mobile.domain.job.JobBoard;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.platform.cache.CacheOwner;
import com.garage.mobile.platform.cache.HotPayload;
import com.garage.mobile.platform.cache.HotPayloadCache;
import com.garage.mobile.platform.cache.RenderedPayload;
import com.garage.mobile.platform.web.PageRequest;
import com.garage.mobile.platform.web.RenderedJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The job board as sent, through the hot-payload cache: a technician's own board per technician,
 * the whole-workshop board per garage, each per garage day, page and encoding. A board is drawn
 * again when its next promise falls due, so that the job shows overdue.
 */
@ApplicationScoped
class CachedJobBoard {

    static final HotPayload<RenderedJson> BOARD = new RenderedPayload("job-board");

    private final JobBoard board;
    private final HotPayloadCache cache;
    private final GarageDays days;
    private final InspectionQueries inspections;
    private final ObjectMapper json;

    CachedJobBoard(JobBoard board, HotPayloadCache cache, GarageDays days, InspectionQueries inspections,
            ObjectMapper json) {
        this.board = board;
        this.cache = cache;
        this.days = days;
        this.inspections = inspections;
        this.json = json;
    }

    Uni<RenderedJson> page(Actor actor, boolean wholeGarage, Instant now, PageRequest page, boolean gzip) {
        var cursor = page.cursor();
        CacheOwner owner = wholeGarage ? JobScreens.garageBoard(actor.garageId())
                : JobScreens.technicianBoard(actor.garageId(), actor.personId());
        String variant = (page.after() == null ? "first" : page.after()) + ":" + page.limit() + ":"
                + (gzip ? "gzip" : "plain");
        return days.dateAt(actor.garageId(), now).chain(day -> cache.get(BOARD, owner, day + ":" + variant,
                kept -> kept.goodAt(now),
                () -> board.page(actor, wholeGarage, now, cursor, page.limit())
                        .chain(entries -> cards(actor, entries, now))
                        .map(cards -> RenderedJson.of(BoardPage.of(cards), json, gzip,
                                BoardCardView.rightUntil(cards.items(), now)))));
    }

    private Uni<Page<BoardCardView>> cards(Actor actor, Page<BoardEntry> entries, Instant now) {
        return inspections.redItems(actor.garageId(), entries.items().stream().map(entry -> entry.job().id).toList())
                .map(red -> entries.map(entry -> BoardCardView.of(entry, red.getOrDefault(entry.job().id, 0L), now)));
    }
}
