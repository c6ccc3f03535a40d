package com.garage.mobile.domain.audit;

import com.garage.mobile.domain.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Reads a garage's audit trail, newest first, optionally for one resource or one actor. */
@ApplicationScoped
public class AuditLog {

    /** Which entries to list; a null field does not filter. */
    public record Filter(String resourceType, String resourceId, String actorSubject) {
    }

    @WithSession
    public Uni<Page<AuditEntry>> page(UUID garageId, Filter filter, AuditCursor after, int limit) {
        StringBuilder query = new StringBuilder("garageId = :garage");
        Map<String, Object> params = new HashMap<>();
        params.put("garage", garageId);
        where(query, params, "resourceType", filter.resourceType());
        where(query, params, "resourceId", filter.resourceId());
        where(query, params, "actorSubject", filter.actorSubject());
        if (after != null) {
            query.append(" and id < :after");
            params.put("after", after.entryId());
        }
        return AuditEntry.<AuditEntry>find(query + " order by id desc", params).page(0, limit + 1).list()
                .map(rows -> Page.encodedBy(rows, limit, entry -> new AuditCursor(entry.id).encode(), entry -> entry));
    }

    private static void where(StringBuilder query, Map<String, Object> params, String field, String value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }
}
