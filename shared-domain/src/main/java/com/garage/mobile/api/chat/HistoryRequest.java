package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * Which channel ({@code CUSTOMER} unless named) and the paging of its history: {@code after} a message number (oldest first, to catch up),
 * or {@code before} one (newest first, to scroll back; neither: from the newest). Taken as text so
 * that a bad value gets a 400 naming the parameter.
 */
public class HistoryRequest {

    private static final String NUMBER = "\\d{1,18}";
    private static final String MESSAGE = "must be a message number (seq)";

    @QueryParam("channel")
    @DefaultValue("CUSTOMER")
    @Pattern(regexp = "CUSTOMER|WORKSHOP", message = "must be CUSTOMER or WORKSHOP")
    String channel;

    @QueryParam("after")
    @Pattern(regexp = NUMBER, message = MESSAGE)
    String after;

    @QueryParam("before")
    @Pattern(regexp = NUMBER, message = MESSAGE)
    String before;

    @QueryParam("limit")
    @DefaultValue("50")
    @Pattern(regexp = "\\d{1,6}", message = "must be a whole number")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = Page.MAX_LIMIT, message = "must be at most " + Page.MAX_LIMIT)
    String limit;

    ChatChannel channel() {
        return ChatChannel.valueOf(channel);
    }

    Long after() {
        if (after != null && before != null) {
            throw ProblemException.invalidField("before", "cannot be given together with after");
        }
        return after != null ? Long.valueOf(after) : null;
    }

    Long before() {
        return before != null ? Long.valueOf(before) : null;
    }

    int limit() {
        return Integer.parseInt(limit);
    }
}
