package com.garage.mobile.domain.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Several callers' batches written as one statement. An id in more than one batch (an app resending
 * while its first send is still being written) is written once, as the first batch's: a statement
 * must not hold one id twice, and only one caller may be told its event was stored.
 */
final class WriteGroup<T> {

    private final List<T> rows = new ArrayList<>();
    private final Map<UUID, Integer> firstBatch = new HashMap<>();
    private final int batches;

    WriteGroup(List<List<T>> batches, Function<T, UUID> id) {
        this.batches = batches.size();
        for (int batch = 0; batch < batches.size(); batch++) {
            for (T row : batches.get(batch)) {
                if (firstBatch.putIfAbsent(id.apply(row), batch) == null) {
                    rows.add(row);
                }
            }
        }
    }

    /** The rows to write, each id once. */
    List<T> rows() {
        return rows;
    }

    /** The ids the statement stored, split by the batch each was written for, in the batches' order. */
    List<Set<UUID>> storedPerBatch(Set<UUID> stored) {
        List<Set<UUID>> each = new ArrayList<>(batches);
        for (int batch = 0; batch < batches; batch++) {
            each.add(new HashSet<>());
        }
        for (UUID id : stored) {
            Integer batch = firstBatch.get(id);
            if (batch != null) {
                each.get(batch).add(id);
            }
        }
        return each;
    }
}
