package com.garage.mobile.domain.event;

import java.util.List;

/**
 * What one change left behind in its transaction: the changed row, and the job events to publish
 * once the transaction has committed.
 */
public record Changed<T>(T row, List<JobEventMessage> events) {

    public static <T> Changed<T> withoutEvents(T row) {
        return new Changed<>(row, List.of());
    }
}
