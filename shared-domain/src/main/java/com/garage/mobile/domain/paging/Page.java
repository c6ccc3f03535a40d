package com.garage.mobile.domain.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor of the next one (absent on the last page). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, boolean hasMore, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in order: the extra row, if present,
     * only proves that there is more.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, PageCursor> cursorOf,
            Function<R, T> shape) {
        return encodedBy(rows, limit, row -> cursorOf.apply(row).encode(), shape);
    }

    /** As {@link #of}, for a list whose cursor is not a {@link PageCursor}: {@code cursorOf} encodes it. */
    public static <R, T> Page<T> encodedBy(List<R> rows, int limit, Function<R, String> cursorOf,
            Function<R, T> shape) {
        boolean more = rows.size() > limit;
        List<R> kept = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(kept.get(kept.size() - 1)) : null;
        return new Page<>(kept.stream().map(shape).toList(), more, next);
    }

    public <U> Page<U> map(Function<T, U> shape) {
        return new Page<>(items.stream().map(shape).toList(), hasMore, nextCursor);
    }
}
