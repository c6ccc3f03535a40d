package com.garage.mobile.domain.query;

import java.util.List;

/**
 * "This path is one of these values" in a query: {@code path = :p} bound to the value when there is
 * one, {@code path in :p} bound to the list otherwise. Hibernate keeps no plan for a query bound to a
 * list (a multi-valued binding makes its interpretation uncacheable) and translates it to SQL again on
 * every run; the reads of one record (a job card, a status change's answer) bind one value and keep
 * theirs (docs/performance.md, fifteenth step).
 */
public record AnyOf(List<?> values) {

    public AnyOf {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values to match");
        }
        values = List.copyOf(values);
    }

    /** The condition on {@code path}, with {@code parameter} as written in the query (":jobs", "?1"). */
    public String on(String path, String parameter) {
        return path + (values.size() == 1 ? " = " : " in ") + parameter;
    }

    /** What to bind to that parameter. */
    public Object bound() {
        return values.size() == 1 ? values.get(0) : values;
    }
}
