package com.garage.mobile.domain.notification;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from the reactive PostgreSQL client, which speaks {@code OffsetDateTime}. */
public final class SqlTime {

    private SqlTime() {
    }

    public static OffsetDateTime at(Instant instant) {
        return instant != null ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value != null ? value.toInstant() : null;
    }
}
