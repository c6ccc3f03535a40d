package com.garage.mobile.technician.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
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
import com.garage.mobile.platform.web.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The job board's cards through the hot-payload cache: a technician's own board per technician,
 * the whole-workshop board per garage, each per garage day and page.
 */
@ApplicationScoped
class CachedJobBoard {

    static final HotPayload<Page<BoardCard>> CARDS = HotPayload.of("job-board", new TypeReference<>() {
    });

    private final JobBoard board;
    private final HotPayloadCache cache;
    private final GarageDays days;
    private final InspectionQueries inspections;

    CachedJobBoard(JobBoard board, HotPayloadCache cache, GarageDays days, InspectionQueries inspections) {
        this.board = board;
        this.cache = cache;
        this.days = days;
        this.inspections = inspections;
    }

    Uni<Page<BoardCard>> cards(Actor actor, boolean wholeGarage, Instant now, PageRequest page) {
        var cursor = page.cursor();
        CacheOwner owner = wholeGarage ? JobScreens.garageBoard(actor.garageId())
                : JobScreens.technicianBoard(actor.garageId(), actor.personId());
        return days.dateAt(actor.garageId(), now).chain(day -> cache.get(CARDS, owner,
                day + ":" + (page.after() == null ? "first" : page.after()) + ":" + page.limit(),
                () -> board.page(actor, wholeGarage, now, cursor, page.limit())
                        .chain(entries -> cards(actor, entries))));
    }

    private Uni<Page<BoardCard>> cards(Actor actor, Page<BoardEntry> entries) {
        return inspections.redItems(actor.garageId(), entries.items().stream().map(entry -> entry.job().id).toList())
                .map(red -> entries.map(entry -> BoardCard.of(entry, red.getOrDefault(entry.job().id, 0L))));
    }
}
