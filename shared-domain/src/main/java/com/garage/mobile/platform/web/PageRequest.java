package com.garage.mobile.platform.web;

import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code after} and {@code limit} query parameters of every list. Taken as text and validated
 * here, so that a bad value gets a 400 naming the parameter rather than the 404 a failed
 * conversion would give.
 */
public class PageRequest {

    @QueryParam("after")
    @Pattern(regexp = "[A-Za-z0-9_-]{1,512}", message = "must be a cursor returned by a previous page")
    String after;

    @QueryParam("limit")
    @DefaultValue("50")
    @Pattern(regexp = "\\d{1,6}", message = "must be a whole number")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = Page.MAX_LIMIT, message = "must be at most " + Page.MAX_LIMIT)
    String limit;

    /** The {@code after} cursor as sent, for lists with a cursor of their own. */
    public String after() {
        return after;
    }

    public PageCursor cursor() {
        return PageCursor.decode(after);
    }

    public int limit() {
        return Integer.parseInt(limit);
    }
}
