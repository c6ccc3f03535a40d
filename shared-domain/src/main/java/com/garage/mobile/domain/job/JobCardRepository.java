package com.garage.mobile.domain.job;

import com.garage.mobile.domain.paging.CustomerPages;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class JobCardRepository implements PanacheRepositoryBase<JobCard, UUID> {

    /** Jobs without a promised time sort after every promised one on a board. */
    public static final Instant NOT_PROMISED = Instant.parse("9999-12-31T00:00:00Z");

    private static final String BOARD_ORDER = " order by coalesce(promisedAt, :notPromised), id";
    /** Unfinished or finished since: a job has its {@code closedAt} exactly when it is CLOSED or CANCELLED. */
    private static final String ON_BOARD = "garageId = :garage and (closedAt is null or closedAt >= :since)";
    private static final String AFTER = " and (coalesce(promisedAt, :notPromised) > :afterKey"
            + " or (coalesce(promisedAt, :notPromised) = :afterKey and id > :afterId))";
    private static final String ASSIGNED_TO = " and id in (select a.jobId from JobAssignment a"
            + " where a.technicianId = :technician)";

    /**
     * A board page: unfinished jobs and those finished since {@code since}, by promised time;
     * only the technician's own when {@code technicianId} is set. Fetches one extra row.
     */
    public Uni<List<JobCard>> boardPage(UUID garageId, UUID technicianId, Instant since, PageCursor after,
            int limit) {
        String query = ON_BOARD + (technicianId != null ? ASSIGNED_TO : "") + (after != null ? AFTER : "")
                + BOARD_ORDER;
        Map<String, Object> params = new HashMap<>();
        params.put("garage", garageId);
        params.put("since", since);
        params.put("notPromised", NOT_PROMISED);
        if (technicianId != null) {
            params.put("technician", technicianId);
        }
        if (after != null) {
            params.put("afterKey", after.sortKey());
            params.put("afterId", after.id());
        }
        return find(query, params).page(0, limit + 1).list();
    }

    /** A customer's jobs, newest first. Fetches one extra row. */
    public Uni<List<JobCard>> pageOfCustomer(UUID garageId, UUID customerId, PageCursor after, int limit) {
        return CustomerPages.newestFirst(this, "createdAt", garageId, customerId, after, limit);
    }

    public Uni<JobCard> requireInGarage(UUID garageId, UUID id) {
        return find("garageId = ?1 and id = ?2", garageId, id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Job"));
    }

    public Uni<JobCard> requireOfCustomer(UUID garageId, UUID customerId, UUID id) {
        return find("garageId = ?1 and customerId = ?2 and id = ?3", garageId, customerId, id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Job"));
    }

    public static PageCursor boardCursor(JobCard job) {
        return new PageCursor(job.promisedAt != null ? job.promisedAt : NOT_PROMISED, job.id);
    }

    public static PageCursor newestFirstCursor(JobCard job) {
        return new PageCursor(job.createdAt, job.id);
    }
}
