package com.garage.mobile.domain.paging;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/** Keyset pages of one customer's rows, newest first by an instant field, then by id. */
public final class CustomerPages {

    private static final String OWNER = "garageId = ?1 and customerId = ?2";

    private CustomerPages() {
    }

    /** Fetches up to {@code limit + 1} rows after the cursor; the extra one tells there is more. */
    public static <E> Uni<List<E>> newestFirst(PanacheRepositoryBase<E, UUID> repository, String instantField,
            UUID garageId, UUID customerId, PageCursor after, int limit) {
        String order = " order by %1$s desc, id desc".formatted(instantField);
        var query = after == null
                ? repository.find(OWNER + order, garageId, customerId)
                : repository.find(OWNER + " and (%1$s < ?3 or (%1$s = ?3 and id < ?4))".formatted(instantField)
                        + order, garageId, customerId, after.sortKey(), after.id());
        return query.page(0, limit + 1).list();
    }
}
