package com.garage.mobile.domain.hours;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a garage's business hours, in force from {@code effectiveFrom} until the next. */
@Entity
@Table(name = "business_hours")
@IdClass(BusinessHoursVersion.Key.class)
public class BusinessHoursVersion extends PanacheEntityBase {
    @Id
    @Column(name = "garage_id")
    public UUID garageId;
    @Id
    public long version;
    @Column(name = "time_zone")
    public String timeZone;
    /** Day name to its intervals as {@code {"opens": "08:00", "closes": "18:00"}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<Map<String, String>>> week;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] holidays;
    @Column(name = "effective_from")
    public Instant effectiveFrom;
    @Column(name = "changed_by")
    public UUID changedBy;

    public record Key(UUID garageId, long version) implements Serializable {
    }

    public static BusinessHoursVersion of(UUID garageId, long version, BusinessHours hours, Instant from,
            UUID changedBy) {
        BusinessHoursVersion stored = new BusinessHoursVersion();
        stored.garageId = garageId;
        stored.version = version;
        stored.timeZone = hours.zone().getId();
        Map<String, List<Map<String, String>>> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name(), hours.on(day).stream()
                    .map(i -> Map.of("opens", i.opens().toString(), "closes", i.closes().toString())).toList());
        }
        stored.week = week;
        stored.holidays = hours.holidays().stream().sorted().map(LocalDate::toString).toArray(String[]::new);
        stored.effectiveFrom = from;
        stored.changedBy = changedBy;
        return stored;
    }

    public BusinessHours hours() {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> days.put(DayOfWeek.valueOf(day), intervals.stream()
                .map(i -> OpeningInterval.of(i.get("opens"), i.get("closes"))).toList()));
        Set<LocalDate> closed = new HashSet<>();
        for (String date : holidays) {
            closed.add(LocalDate.parse(date));
        }
        return new BusinessHours(ZoneId.of(timeZone), days, closed);
    }
}
