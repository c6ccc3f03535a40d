package com.garage.mobile.domain.chat.escalation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.hours.BusinessCalendars;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The garage's response report, computed in SQL from the stored responses: conversations
 * answered, median and p90 first response, median next response and breaches, per priority and in
 * total. Days are the garage's, in the time zone of its hours now.
 */
@ApplicationScoped
public class ResponseReports {

    static final int MAX_DAYS = 366;
    // Read through the SQL client: each native select through Hibernate Reactive 3.2 adds a query plan to its cache.
    private static final String FIGURES = """
            select priority, count(distinct conversation_id), count(*) filter (where kind = 'FIRST'),
                   percentile_cont(0.5) within group (order by response_seconds) filter (where kind = 'FIRST'),
                   percentile_cont(0.9) within group (order by response_seconds) filter (where kind = 'FIRST'),
                   count(*) filter (where kind = 'NEXT'),
                   percentile_cont(0.5) within group (order by response_seconds) filter (where kind = 'NEXT'),
                   count(*) filter (where breached)
            from chat_response where garage_id = $1 and answered_at >= $2 and answered_at < $3
            group by grouping sets ((priority), ())""";
    private static final String OPEN_BREACHES = """
            select priority, count(*) from chat_response_clock
            where garage_id = $1 and awaiting is not null and breached_at >= $2 and breached_at < $3
            group by grouping sets ((priority), ())""";

    private final BusinessCalendars calendars;
    private final Pool pool;

    public ResponseReports(BusinessCalendars calendars, Pool pool) {
        this.calendars = calendars;
        this.pool = pool;
    }

    public Uni<ResponseReport> report(Actor staff, LocalDate from, LocalDate to) {
        return Uni.createFrom().voidItem().invoke(() -> requireRange(from, to))
                .chain(() -> calendars.current(staff)).chain(current -> {
            ZoneId zone = current.hours().zone();
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            return rows(FIGURES, staff.garageId(), start, end).chain(figures -> rows(OPEN_BREACHES,
                    staff.garageId(), start, end).map(open -> report(from, to, zone, figures, open)));
        });
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ProblemException.invalidField(from == null ? "from" : "to", "is required, as YYYY-MM-DD");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalidField("to", "must be within " + MAX_DAYS + " days of from");
        }
    }

    private Uni<RowSet<Row>> rows(String sql, UUID garageId, Instant from, Instant to) {
        return pool.preparedQuery(sql).execute(Tuple.of(garageId, SqlTime.at(from), SqlTime.at(to)));
    }

    private static ResponseReport report(LocalDate from, LocalDate to, ZoneId zone, RowSet<Row> figures,
            RowSet<Row> open) {
        Map<ChatPriority, Long> openBreaches = new EnumMap<>(ChatPriority.class);
        long openTotal = 0;
        for (Row row : open) {
            if (row.getString(0) == null) {
                openTotal = number(row.getValue(1));
            } else {
                openBreaches.put(ChatPriority.valueOf(row.getString(0)), number(row.getValue(1)));
            }
        }
        Map<ChatPriority, ResponseFigures> byPriority = new EnumMap<>(ChatPriority.class);
        ResponseFigures total = empty(null, openTotal);
        for (Row row : figures) {
            ChatPriority priority = row.getString(0) != null ? ChatPriority.valueOf(row.getString(0)) : null;
            long breaches = number(row.getValue(7))
                    + (priority == null ? openTotal : openBreaches.getOrDefault(priority, 0L));
            ResponseFigures line = new ResponseFigures(priority, number(row.getValue(1)), number(row.getValue(2)),
                    seconds(row.getValue(3)), seconds(row.getValue(4)), number(row.getValue(5)),
                    seconds(row.getValue(6)), breaches);
            if (priority == null) {
                total = line;
            } else {
                byPriority.put(priority, line);
            }
        }
        List<ResponseFigures> lines = new ArrayList<>();
        for (ChatPriority priority : ChatPriority.values()) {
            lines.add(byPriority.getOrDefault(priority, empty(priority, openBreaches.getOrDefault(priority, 0L))));
        }
        return new ResponseReport(from, to, zone.getId(), total, lines);
    }

    private static ResponseFigures empty(ChatPriority priority, long breaches) {
        return new ResponseFigures(priority, 0, 0, null, null, 0, null, breaches);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Long seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }
}
