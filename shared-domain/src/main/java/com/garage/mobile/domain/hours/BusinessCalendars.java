package com.garage.mobile.domain.hours;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A garage's business hours: read by its staff, changed by its advisors and admins. A change is a
 * new version in force from the moment it is made; earlier versions stay, so time already measured
 * keeps the hours it was measured by.
 */
@ApplicationScoped
public class BusinessCalendars {

    public static final String ACTION = "garage.business-hours";

    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public BusinessCalendars(AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    /** The hours in force now and their version (0: the standard hours, never changed). */
    public record CurrentHours(BusinessHours hours, long version) {
    }

    @WithSession
    public Uni<CurrentHours> current(Actor staff) {
        return currentOf(staff.garageId());
    }

    /** Every version of the garage's hours, in the caller's session. */
    public Uni<BusinessCalendar> calendarOf(UUID garageId) {
        return versions(garageId).chain(versions -> versions.isEmpty()
                ? standard(garageId).map(BusinessCalendar::always)
                : Uni.createFrom().item(BusinessCalendar.of(versions.stream()
                        .map(v -> new BusinessCalendar.Version(v.effectiveFrom, v.hours())).toList())));
    }

    public Uni<CurrentHours> change(Actor staff, BusinessHours hours, long baseVersion) {
        return audited.run(staff, ACTION, "garage", staff.garageId(), () -> apply(staff, hours, baseVersion));
    }

    @WithTransaction
    Uni<CurrentHours> apply(Actor staff, BusinessHours hours, long baseVersion) {
        if (!staff.seesWholeGarage()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                    "Business hours are the garage's advisors' and admins'."));
        }
        // the garage's row serialises changes of its hours, so two at once cannot both take the next version
        return Garage.<Garage>findById(staff.garageId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> currentOf(staff.garageId()))
                .chain(current -> {
                    if (current.version() != baseVersion) {
                        throw new StaleVersionException("The business hours", baseVersion, current.version());
                    }
                    Instant now = clock.now();
                    BusinessHoursVersion next = BusinessHoursVersion.of(staff.garageId(), current.version() + 1,
                            hours, now, staff.personId());
                    return next.persistAndFlush()
                            .call(() -> audit.record(staff, ACTION, "garage", staff.garageId(), AuditOutcome.SUCCESS,
                                    Map.of("version", next.version, "timeZone", next.timeZone,
                                            "holidays", next.holidays.length), now))
                            .replaceWith(new CurrentHours(next.hours(), next.version));
                });
    }

    private Uni<CurrentHours> currentOf(UUID garageId) {
        return BusinessHoursVersion.<BusinessHoursVersion>find("garageId = ?1 order by version desc", garageId)
                .firstResult().chain(latest -> latest != null
                        ? Uni.createFrom().item(new CurrentHours(latest.hours(), latest.version))
                        : standard(garageId).map(hours -> new CurrentHours(hours, 0)));
    }

    private static Uni<List<BusinessHoursVersion>> versions(UUID garageId) {
        return BusinessHoursVersion.list("garageId = ?1 order by version", garageId);
    }

    private static Uni<BusinessHours> standard(UUID garageId) {
        return Garage.<Garage>findById(garageId).map(garage -> BusinessHours.standard(garage.zone()));
    }
}
