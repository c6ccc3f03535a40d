package com.garage.mobile.technician.analytics;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.analytics.EventSchemas;
import com.garage.mobile.domain.analytics.Funnel;
import com.garage.mobile.domain.analytics.FunnelReports;
import com.garage.mobile.domain.analytics.FunnelStep;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.releases.SessionHealth;
import com.garage.mobile.domain.releases.SessionHealthReports;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's product analytics for its admins: the registered event schemas, the journeys' funnels and session health. */
@Path("/api/v1/admin/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics admin", description = "Event schemas, funnels, surveys and experiments, for the garage's admins")
public class AnalyticsAdminResource {

    private static final int MAX_DAYS = 366;

    private final CurrentActor actor;
    private final EventSchemas schemas;
    private final FunnelReports funnels;
    private final SessionHealthReports sessions;
    private final GarageClock clock;

    public AnalyticsAdminResource(CurrentActor actor, EventSchemas schemas, FunnelReports funnels,
            SessionHealthReports sessions, GarageClock clock) {
        this.actor = actor;
        this.schemas = schemas;
        this.funnels = funnels;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GET
    @Path("/schemas")
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "listAnalyticsSchemas", summary = "List the registered event schemas",
            description = "Every event the apps may send and the server records: who sends it, the property naming its"
                    + " journey, and what each property may carry. Schemas ship with the apps' releases (migrations).")
    public Uni<List<SchemaView>> schemas() {
        return schemas.all().map(all -> all.stream().map(SchemaView::of).toList());
    }

    @GET
    @Path("/funnels")
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "getAnalyticsFunnel", summary = "A journey's funnel",
            description = "Conversion and median time between the steps of the funnel `name`: `estimate-approval`,"
                    + " `appointment`, `inspection` or `push`, for the caller's garage, per week the journeys started and app version,"
                    + " for journeys started from `from` (a date, default 8 weeks ago) to before `to` (default tomorrow).")
    public Uni<FunnelView> funnel(@QueryParam("name") String slug, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Funnel funnel = Funnel.ofSlug(slug).orElseThrow(() -> ProblemException.invalidField("name",
                "must be estimate-approval, appointment, inspection or push"));
        Period period = period(from, to);
        return funnels.report(actor.get().garageId(), funnel, instant(period.from()), instant(period.to()))
                .map(steps -> new FunnelView(funnel.slug(), funnel.steps(), period.from(), period.to(), steps));
    }

    @GET
    @Path("/sessions")
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "getSessionHealth", summary = "Session health per app version",
            description = "For the caller's garage, per week the sessions started and app build (app, platform,"
                    + " version): sessions and people, how many of each crashed, the crash-free shares in basis points"
                    + " and the median length of the ended sessions, from the sessions and crash reports the apps"
                    + " send for release health. Sessions started from `from` (a date, default 8 weeks ago) to before"
                    + " `to` (default tomorrow); newest week first, busiest build first.")
    public Uni<SessionHealthView> sessions(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = period(from, to);
        return sessions.report(actor.get().garageId(), instant(period.from()), instant(period.to()))
                .map(rows -> new SessionHealthView(period.from(), period.to(), rows.stream().map(SessionRow::of)
                        .toList()));
    }

    /** A funnel's report: its steps, the period and one row per week, app version and step. */
    public record FunnelView(String funnel, List<String> steps, LocalDate from, LocalDate to, List<FunnelStep> rows) {
    }

    /** Session health over a period: one row per week and app build. */
    public record SessionHealthView(LocalDate from, LocalDate to, List<SessionRow> rows) {
    }

    /** One week of one app build. */
    public record SessionRow(LocalDate week, String app, String platform, String appVersion, long sessions,
            long crashedSessions, int crashFreeSessionsBp, long users, long crashedUsers, int crashFreeUsersBp,
            Double medianMinutes) {

        static SessionRow of(SessionHealth health) {
            return new SessionRow(health.week(), health.app(), health.platform(), health.appVersion(),
                    health.sessions(), health.crashedSessions(), health.crashFreeSessionsBp(), health.users(),
                    health.crashedUsers(), health.crashFreeUsersBp(), health.medianMinutes());
        }
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    /** From and to as dates, by default the last eight weeks; at most {@link #MAX_DAYS} long. */
    private Period period(String from, String to) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        LocalDate start = date("from", from, today.minusWeeks(8));
        LocalDate end = date("to", to, today.plusDays(1));
        if (!start.isBefore(end) || ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw ProblemException.invalidField("to", "must be after from, and at most %d days after it".formatted(MAX_DAYS));
        }
        return new Period(start, end);
    }

    private static LocalDate date(String field, String text, LocalDate otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date such as 2026-12-01");
        }
    }

    private static Instant instant(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
