package com.garage.mobile.platform.sync;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code cursor} and {@code limit} of a sync request. The cursor is checked by
 * {@link SyncCursor#decode}, so that any bad one gets resync-required rather than a validation error.
 */
public class SyncRequest {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    @QueryParam("cursor")
    String cursor;

    @QueryParam("limit")
    @DefaultValue("" + DEFAULT_LIMIT)
    @Pattern(regexp = "\\d{1,6}", message = "must be a whole number")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT)
    String limit;

    public String cursor() {
        return cursor;
    }

    public int limit() {
        return Integer.parseInt(limit);
    }
}
