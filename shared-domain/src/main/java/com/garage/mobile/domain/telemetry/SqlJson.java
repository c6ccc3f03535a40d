package com.garage.mobile.domain.telemetry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** Timestamps as PostgreSQL's {@code json_build_array} writes them ({@code 2026-12-04T10:31:49.123+00:00}). */
final class SqlJson {

    private static final DateTimeFormatter PG = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XXX][X]").toFormatter();

    private SqlJson() {
    }

    static Instant instant(String text) {
        return OffsetDateTime.parse(text, PG).toInstant();
    }
}
